package kz.migration.monitor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checkpoints a job completed, as its JobManager logged them: when each completed and how long
 * it took from trigger to completion. An alert becomes visible to a {@code read_committed} reader
 * only when the checkpoint after its write completes, so the gaps between completions bound the
 * commit's share of its latency.
 *
 * @param completedAt wall-clock milliseconds of each completion, in the log's order
 * @param durations each checkpoint's duration (ms), in the same order
 */
record CompletedCheckpoints(List<Long> completedAt, List<Long> durations) {

    /** The line {@code CheckpointCoordinator} logs at INFO, as the file layout prints it. */
    private static final Pattern COMPLETED =
            Pattern.compile(
                    "^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}) .*Completed checkpoint"
                            + " \\d+ for job \\w+ \\(\\d+ bytes, checkpointDuration=(\\d+) ms");

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    /** Reads {@code log}; a log that does not exist holds no checkpoints. */
    static CompletedCheckpoints read(Path log, ZoneId zone) throws IOException {
        if (!Files.exists(log)) {
            return new CompletedCheckpoints(List.of(), List.of());
        }
        return parse(Files.readAllLines(log, StandardCharsets.UTF_8), zone);
    }

    static CompletedCheckpoints parse(List<String> lines, ZoneId zone) {
        List<Long> at = new ArrayList<>();
        List<Long> took = new ArrayList<>();
        for (String line : lines) {
            Matcher m = COMPLETED.matcher(line);
            if (m.find()) {
                at.add(
                        LocalDateTime.parse(m.group(1), TIME)
                                .atZone(zone)
                                .toInstant()
                                .toEpochMilli());
                took.add(Long.parseLong(m.group(2)));
            }
        }
        return new CompletedCheckpoints(List.copyOf(at), List.copyOf(took));
    }

    /** The checkpoints that completed from {@code fromMillis} to {@code toMillis}. */
    CompletedCheckpoints between(long fromMillis, long toMillis) {
        List<Long> at = new ArrayList<>();
        List<Long> took = new ArrayList<>();
        for (int i = 0; i < completedAt.size(); i++) {
            long t = completedAt.get(i);
            if (t >= fromMillis && t <= toMillis) {
                at.add(t);
                took.add(durations.get(i));
            }
        }
        return new CompletedCheckpoints(List.copyOf(at), List.copyOf(took));
    }

    /** The times (ms) between one completion and the next. */
    List<Long> gaps() {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < completedAt.size(); i++) {
            gaps.add(completedAt.get(i) - completedAt.get(i - 1));
        }
        return gaps;
    }
}
