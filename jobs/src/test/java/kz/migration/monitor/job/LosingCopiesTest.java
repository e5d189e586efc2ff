package kz.migration.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.json.InputParser;
import kz.migration.monitor.json.Parsed;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.json.RawPayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay's first pass finds the losing copies of each event exactly as de-duplicating every parsed
 * line would: the earliest valid copy by {@link CopyOrder} counts, the first in the file among
 * equal ones, and the lines of the others are skipped.
 */
class LosingCopiesTest {

    private static final Pseudonymiser KEY = new Pseudonymiser("losing-copies");
    private static final long START = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    @TempDir Path dir;

    @Test
    void theEarliestValidCopyCountsAndTheFirstOfEqualOnes() throws IOException {
        Path file =
                write(
                        crossing("c1", START + 5_000, "Astana"),
                        crossing("c1", START + 1_000, "Almaty"),
                        crossing("c1", START + 1_000, "Almaty"),
                        crossing("c1", START, "SIDEWAYS-INVALID"),
                        crossing("c2", START, "Astana"),
                        "",
                        crossing("c3", START, "Astana").replace("\"eventId\"", "\"event\\u0049d\""),
                        crossing("c3", START + 9, "Astana"));

        // c1: line 1 wins (line 2 equals it but comes later; line 3 is invalid and never counts);
        // c3's first copy is spelled in escapes, yet is the same id, and earlier.
        assertThat(DisorderScan.scan(SourceStream.BORDER_CROSSINGS, file, 2, KEY).losingCopies())
                .containsExactly(0, 2, 7);
    }

    @Test
    void agreesWithDeduplicatingEveryParsedLineOnRandomFiles() throws IOException {
        Random random = new Random(12);
        for (int round = 0; round < 40; round++) {
            // Some files are large enough to be scanned in ranges, in parallel.
            int n = round % 10 == 0 ? 40_000 : 1 + random.nextInt(2_000);
            List<String> lines = randomFile(random, n);
            Path file = write(lines.toArray(String[]::new));
            long[] found =
                    DisorderScan.scan(SourceStream.BORDER_CROSSINGS, file, 2, KEY).losingCopies();
            assertThat(found).as("round " + round).containsExactly(everyLineParsed(lines));
        }
    }

    private static List<String> randomFile(Random random, int n) {
        List<String> lines = new ArrayList<>();
        int ids = Math.max(1, n * 9 / 10);
        for (int i = 0; i < n; i++) {
            String id = "e" + random.nextInt(ids);
            long at = START + random.nextInt(5) * 1_000L;
            String city = random.nextBoolean() ? "Astana" : "Almaty";
            String text =
                    switch (random.nextInt(12)) {
                        case 0 -> crossing(id, at, "SIDEWAYS-INVALID");
                        case 1 ->
                                crossing(id, at, city).replace("\"eventId\"", "\"event\\u0049d\"");
                        case 2 -> crossing(id, at, city).replace("}", ",\"eventId\":\"other\"}");
                        case 3 -> crossing(id, at, city).replace("\"eventId\":", "\"eventId\" : ");
                        case 4 ->
                                crossing(id, at, city)
                                        .replace("\"city\":\"" + city, "\"city\":\"eventId");
                        case 5 -> "";
                        case 6 -> "not json at all";
                        case 7 -> crossing(id, at, city).replace("\"eventId\":\"" + id + "\",", "");
                        default -> crossing(id, at, city);
                    };
            lines.add(text);
        }
        return lines;
    }

    /** The losing copies when every line is parsed and de-duplicated in file order. */
    private static long[] everyLineParsed(List<String> lines) {
        InputParser<?> parser = InputParser.of(SourceStream.BORDER_CROSSINGS, KEY);
        Map<String, InputEvent> best = new HashMap<>();
        Map<String, Long> bestLine = new HashMap<>();
        TreeSet<Long> losing = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            RawPayload raw = RawPayload.of(lines.get(i));
            if (raw.problem() != null || raw.text().isBlank()) {
                continue;
            }
            Parsed<?> p = parser.parse(raw, Instant.EPOCH);
            if (!p.isValid() || p.event().eventId() == null) {
                continue;
            }
            InputEvent e = p.event();
            InputEvent b = best.get(e.eventId());
            if (b == null || CopyOrder.EARLIEST_FIRST.compare(e, b) < 0) {
                if (b != null) {
                    losing.add(bestLine.get(e.eventId()));
                }
                best.put(e.eventId(), e);
                bestLine.put(e.eventId(), (long) i);
            } else {
                losing.add((long) i);
            }
        }
        return losing.stream().mapToLong(Long::longValue).toArray();
    }

    /** A crossing into {@code city}; the city "SIDEWAYS-INVALID" makes it invalid. */
    private static String crossing(String id, long at, String city) {
        return city.equals("SIDEWAYS-INVALID")
                ? CrossingLines.crossing(id, at, "SIDEWAYS", "Astana")
                : CrossingLines.crossing(id, at, "ENTRY", city);
    }

    private Path write(String... lines) throws IOException {
        Path file = Files.createTempFile(dir, "border-crossings", ".jsonl");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }
}
