package kz.migration.monitor.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.json.InputParser;
import kz.migration.monitor.json.Parsed;
import kz.migration.monitor.json.RawPayload;

/**
 * Replay's de-duplication, decided before the job starts: of the lines that may be copies of one
 * event ({@link LineIdKeys#sharedLines}), each is parsed, and of the valid copies of an id the one
 * that counts is the earliest by {@link CopyOrder} (the first in the file among equal ones), as the
 * streaming job's {@link Deduplicator} chooses. The others are the losing copies, which replay's
 * sources skip ({@link JsonLinesFormat}).
 *
 * <p>Sound because all copies of an event are in one file (an id is unique within its stream, and
 * each stream is one file) and replay drops no valid record as late (its watermark bounds are the
 * files' exact disorder): every valid copy would have reached the de-duplicator. Memory is the
 * copies' best events, not every id of the replay.
 */
final class LosingCopies {

    private LosingCopies() {}

    /** A copy that counts so far, and its line. */
    private record Best(InputEvent event, long line) {}

    /** The ascending indices of the losing copies among {@code sharedLines} of {@code path}. */
    static long[] find(Path path, long[] sharedLines, InputParser<? extends InputEvent> parser)
            throws IOException {
        if (sharedLines.length == 0) {
            return sharedLines;
        }
        Map<String, Best> best = new HashMap<>();
        long[] losing = new long[16];
        int n = 0;
        try (InputStream in = Files.newInputStream(path);
                BoundedLines lines = new BoundedLines(in)) {
            long index = 0;
            int next = 0;
            RawPayload line;
            while (next < sharedLines.length && (line = lines.next()) != null) {
                if (index == sharedLines[next]) {
                    next++;
                    Parsed<? extends InputEvent> p = parser.parse(line, Instant.EPOCH);
                    if (p.isValid() && p.event().eventId() != null) {
                        InputEvent e = p.event();
                        Best b = best.get(e.eventId());
                        long loser = index;
                        if (b == null || CopyOrder.EARLIEST_FIRST.compare(e, b.event()) < 0) {
                            best.put(e.eventId(), new Best(e, index));
                            loser = b == null ? -1 : b.line();
                        }
                        if (loser >= 0) {
                            if (n == losing.length) {
                                losing = Arrays.copyOf(losing, n * 2);
                            }
                            losing[n++] = loser;
                        }
                    }
                }
                index++;
            }
        }
        long[] result = Arrays.copyOf(losing, n);
        Arrays.sort(result);
        return result;
    }
}
