package kz.migration.monitor.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletedCheckpointsTest {

    private static final String JOB = "069359b1f4d2fffa5bf5607625cc67d6";

    private static String completed(String time, int id, long millis) {
        return "2026-12-07 "
                + time
                + " INFO  [jobmanager-io-thread-1]"
                + " org.apache.flink.runtime.checkpoint.CheckpointCoordinator - Completed"
                + " checkpoint "
                + id
                + " for job "
                + JOB
                + " (29217 bytes, checkpointDuration="
                + millis
                + " ms, finalizationTime=11 ms).";
    }

    private static long at(String time) {
        return java.time.LocalDateTime.parse("2026-12-07T" + time)
                .toInstant(ZoneOffset.UTC)
                .toEpochMilli();
    }

    @Test
    void readsEachCompletionsTimeAndDurationAndSkipsOtherLines() {
        List<String> log =
                List.of(
                        completed("20:55:11.315", 1, 197),
                        "2026-12-07 20:55:11.400 INFO  [main]"
                                + " org.apache.flink.runtime.checkpoint.CheckpointCoordinator -"
                                + " Triggering checkpoint 2 (type=CHECKPOINT)",
                        completed("20:55:12.173", 2, 54),
                        completed("20:55:14.000", 3, 1_500));

        CompletedCheckpoints c = CompletedCheckpoints.parse(log, ZoneOffset.UTC);

        assertEquals(
                List.of(at("20:55:11.315"), at("20:55:12.173"), at("20:55:14.000")),
                c.completedAt());
        assertEquals(List.of(197L, 54L, 1_500L), c.durations());
        assertEquals(List.of(858L, 1_827L), c.gaps());
    }

    @Test
    void keepsOnlyTheCompletionsInsideTheWindow() {
        CompletedCheckpoints c =
                CompletedCheckpoints.parse(
                        List.of(
                                completed("20:55:11.315", 1, 197),
                                completed("20:55:12.173", 2, 54),
                                completed("20:55:14.000", 3, 1_500)),
                        ZoneOffset.UTC);

        CompletedCheckpoints window = c.between(at("20:55:12.000"), at("20:55:14.000"));

        assertEquals(List.of(54L, 1_500L), window.durations());
        assertEquals(List.of(1_827L), window.gaps());
    }

    @Test
    void aMissingLogHasNoCheckpoints(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("flink.log");

        assertEquals(0, CompletedCheckpoints.read(log, ZoneOffset.UTC).durations().size());

        Files.writeString(log, completed("20:55:11.315", 1, 197) + "\n");
        assertEquals(List.of(197L), CompletedCheckpoints.read(log, ZoneOffset.UTC).durations());
    }
}
