package kz.migration.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.generator.GeneratorSettings;
import kz.migration.monitor.generator.JsonlFileSink;
import kz.migration.monitor.generator.TrafficGenerator;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.pipeline.IngestedRecord;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.local.LocalDataInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BATCH replay reads each file in the ranges its first pass cut it into, on every slot: a range
 * reads its own lines, skips the losing copies by their index in the whole file, and the outputs
 * are those of the streaming mode, which reads each file whole.
 */
class ReplayRangesTest {

    private static final Pseudonymiser KEY = new Pseudonymiser("replay-ranges");
    private static final long START = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    @TempDir Path dir;

    @Test
    void eachRangeReadsItsOwnLinesAndSkipsTheLosingCopiesOfTheWholeFile() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            // Every tenth line repeats the event 25 lines before it, later.
            int id = i % 10 == 9 ? i - 25 : i;
            lines.add(CrossingLines.crossing("e" + id, START + i * 1_000L, "ENTRY", "Astana"));
        }
        Path file = dir.resolve("border-crossings.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);

        DisorderScan.Result scan =
                DisorderScan.scan(SourceStream.BORDER_CROSSINGS, file, 3, 1_000, KEY);
        assertThat(scan.rangeStarts()).hasSize(3).startsWith(0);
        assertThat(scan.losingCopies()).hasSize(298);
        byte[] bytes = Files.readAllBytes(file);
        for (int r = 0; r < scan.rangeStarts().length; r++) {
            int start = (int) scan.rangeStarts()[r];
            assertThat(start == 0 || bytes[start - 1] == '\n').isTrue();
            assertThat(scan.rangeFirstLines()[r]).isEqualTo(linesBefore(bytes, start));
        }

        JsonLinesFormat format =
                JsonLinesFormat.forReplay(
                        SourceStream.BORDER_CROSSINGS,
                        Instant.EPOCH,
                        KEY,
                        scan.losingCopies(),
                        scan.rangeStarts(),
                        scan.rangeFirstLines());
        assertThat(format.isSplittable()).isTrue();
        List<String> read = new ArrayList<>();
        for (int r = 0; r < scan.rangeStarts().length; r++) {
            long from = scan.rangeStarts()[r];
            long to = r + 1 < scan.rangeStarts().length ? scan.rangeStarts()[r + 1] : bytes.length;
            read.addAll(eventIds(format, file, from, to));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (Arrays.binarySearch(scan.losingCopies(), i) < 0) {
                expected.add("e" + (i % 10 == 9 ? i - 25 : i));
            }
        }
        // Each id once: the later copies lose, wherever the ranges were cut.
        assertThat(read).containsExactlyElementsOf(expected).doesNotHaveDuplicates();
    }

    @Test
    void aRangeMustStartWhereTheFirstPassCutTheFile() throws IOException {
        Path file = dir.resolve("border-crossings.jsonl");
        Files.write(
                file,
                List.of(CrossingLines.crossing("e1", START, "ENTRY", "Astana")),
                StandardCharsets.UTF_8);
        JsonLinesFormat format =
                JsonLinesFormat.forReplay(
                        SourceStream.BORDER_CROSSINGS,
                        Instant.EPOCH,
                        KEY,
                        new long[0],
                        new long[] {0},
                        new long[] {0});
        assertThat(format.isSplittable()).isFalse();
        assertThatThrownBy(() -> eventIds(format, file, 5, Files.size(file)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("starts at byte 5, not at a line");
    }

    @Test
    void batchReplayInRangesWritesWhatStreamingReplayWrites() throws Exception {
        Path in = dir.resolve("in");
        try (JsonlFileSink sink = new JsonlFileSink(in)) {
            new TrafficGenerator(
                            GeneratorSettings.defaults()
                                    .withSeed(5)
                                    .withDays(3)
                                    .withScale(2_000)
                                    .withDisorder(0.01, 0.02, 0.03, 0.01))
                    .generate(sink);
        }
        long crossings = Files.size(in.resolve("border-crossings.jsonl"));
        DisorderScan.Result scan =
                DisorderScan.scan(
                        SourceStream.BORDER_CROSSINGS,
                        in.resolve("border-crossings.jsonl"),
                        2,
                        crossings / 4,
                        KEY);
        assertThat(scan.rangeStarts()).hasSize(2);
        assertThat(scan.losingCopies()).isNotEmpty();

        MonitorSettings settings = MonitorSettings.streaming(KEY);
        Path batch = dir.resolve("batch");
        Path streaming = dir.resolve("streaming");
        new Replay(settings, 2, ReplayMode.BATCH)
                .withMinSplitBytes(crossings / 4)
                .run(in, batch, null, n -> {});
        new Replay(settings, 2, ReplayMode.STREAMING).run(in, streaming, null, n -> {});
        for (String name :
                List.of(
                        "alerts.jsonl",
                        "flow-stats.jsonl",
                        "flow-matrix.jsonl",
                        "dead-letters.jsonl")) {
            List<String> expected = Files.readAllLines(streaming.resolve(name));
            assertThat(Files.readAllLines(batch.resolve(name))).as(name).isEqualTo(expected);
        }
        assertThat(Files.readAllLines(streaming.resolve("flow-stats.jsonl"))).isNotEmpty();
        assertThat(Files.readAllLines(streaming.resolve("dead-letters.jsonl"))).isNotEmpty();
    }

    private static long linesBefore(byte[] bytes, int end) {
        long n = 0;
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    /** The ids of the valid events {@code format} reads from bytes {@code [from, to)}. */
    private static List<String> eventIds(JsonLinesFormat format, Path file, long from, long to)
            throws IOException {
        List<String> ids = new ArrayList<>();
        try (FSDataInputStream in = new LocalDataInputStream(file.toFile())) {
            in.seek(from);
            StreamFormat.Reader<IngestedRecord> reader =
                    format.createReader(new Configuration(), in, Files.size(file), to);
            IngestedRecord r;
            while ((r = reader.read()) != null) {
                if (r.event() != null) {
                    ids.add(r.event().eventId());
                }
            }
        }
        return ids;
    }
}
