package kz.migration.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.json.InputParser;
import kz.migration.monitor.json.Parsed;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.json.RawPayload;
import org.junit.jupiter.api.Test;

/**
 * Replay's first pass parses only some lines, yet finds exactly what parsing every line finds:
 * checked against that on random files with invalid, unpeekable, late and far-behind lines.
 */
class RangeFindingsTest {

    private static final Pseudonymiser KEY = new Pseudonymiser("range-findings");
    private static final long START = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    @Test
    void findsWhatParsingEveryLineFinds() {
        Random random = new Random(12);
        for (int file = 0; file < 300; file++) {
            List<RawPayload> lines = randomFile(random, 1 + random.nextInt(1_500));
            assertThat(scan(lines)).as("file %d", file).isEqualTo(everyLineParsed(lines));
        }
    }

    @Test
    void aFileInRoughTimeOrderIsMostlyNotParsed() {
        Random random = new Random(3);
        List<RawPayload> lines = new ArrayList<>();
        long ts = START;
        for (int i = 0; i < 20_000; i++) {
            ts += random.nextInt(5_000);
            long at = random.nextInt(50) == 0 ? ts - random.nextInt(600_000) : ts;
            lines.add(line(crossing("e" + i, at, "ENTRY")));
        }
        RangeFindings findings = findings();
        lines.forEach(findings::accept);

        assertThat(findings.finish()).isEqualTo(everyLineParsed(lines));
        assertThat(findings.parsed()).isLessThan(lines.size() / 10);
    }

    @Test
    void anInvalidLatestLineDoesNotCount() {
        List<RawPayload> lines =
                List.of(
                        line(crossing("a", START, "ENTRY")),
                        line(crossing("b", START + 1_000, "ENTRY")),
                        line(crossing("c", START + 9_000, "SIDEWAYS")),
                        line(crossing("d", START + 500, "EXIT")));

        // Behind b by 500 ms, not behind the invalid c by 8.5 s.
        assertThat(scan(lines)).isEqualTo(new DisorderScan.Range(4, 500, START, START + 1_000));
        assertThat(scan(lines)).isEqualTo(everyLineParsed(lines));
    }

    private static List<RawPayload> randomFile(Random random, int n) {
        List<RawPayload> lines = new ArrayList<>();
        long ts = START + random.nextInt(1_000_000);
        for (int i = 0; i < n; i++) {
            ts += random.nextInt(3) == 0 ? 0 : random.nextInt(10_000);
            long at =
                    switch (random.nextInt(40)) {
                        case 0 -> ts - random.nextInt(600_000);
                        case 1 -> ts - random.nextInt(5_000);
                        case 2 -> ts + random.nextInt(5_000_000);
                        case 3 -> START - random.nextInt(1_000_000);
                        default -> ts;
                    };
            String id = "e" + i;
            String text =
                    switch (random.nextInt(30)) {
                        case 0 -> crossing(id, at, "SIDEWAYS");
                        case 1 ->
                                crossing(id, at, "ENTRY")
                                        .replace("\"occurredAt\"", "\"occurred\\u0041t\"");
                        case 2 -> crossing(id, at, "ENTRY").replace("}", ",\"occurredAt\":\"x\"}");
                        case 3 ->
                                crossing(id, at, "EXIT")
                                        .replace("\"occurredAt\"", "\"occurredAt\" :  ");
                        case 4 ->
                                crossing(id, at, "ENTRY")
                                        .replace("\"city\":\"Astana\"", "\"city\":\"occurredAt\"");
                        case 5 -> "";
                        case 6 -> "not json at all";
                        case 7 ->
                                crossing(id, at, "ENTRY").replace("\"occurredAt\":", "\"seenAt\":");
                        case 8 -> crossing(id, at, "ENTRY").substring(0, 40);
                        default -> crossing(id, at, random.nextBoolean() ? "ENTRY" : "EXIT");
                    };
            lines.add(random.nextInt(200) == 0 ? new RawPayload(text, "too long") : line(text));
        }
        return lines;
    }

    private static String crossing(String id, long at, String direction) {
        return CrossingLines.crossing(id, at, direction, "Astana");
    }

    private static RawPayload line(String text) {
        return RawPayload.of(text);
    }

    private static RangeFindings findings() {
        return new RangeFindings(InputParser.of(SourceStream.BORDER_CROSSINGS, KEY));
    }

    private static DisorderScan.Range scan(List<RawPayload> lines) {
        RangeFindings findings = findings();
        lines.forEach(findings::accept);
        return findings.finish();
    }

    /** What the first pass found when it parsed every line. */
    private static DisorderScan.Range everyLineParsed(List<RawPayload> lines) {
        InputParser<?> parser = InputParser.of(SourceStream.BORDER_CROSSINGS, KEY);
        long disorder = 0;
        long min = Long.MIN_VALUE;
        long max = Long.MIN_VALUE;
        for (RawPayload line : lines) {
            if (line.problem() == null && line.text().isBlank()) {
                continue;
            }
            Parsed<?> p = parser.parse(line, Instant.EPOCH);
            if (p.isValid()) {
                long ts = p.event().timestamp();
                if (max == Long.MIN_VALUE) {
                    min = ts;
                } else {
                    disorder = Math.max(disorder, max - ts);
                }
                min = Math.min(min, ts);
                max = Math.max(max, ts);
            }
        }
        return new DisorderScan.Range(lines.size(), disorder, min, max);
    }
}
