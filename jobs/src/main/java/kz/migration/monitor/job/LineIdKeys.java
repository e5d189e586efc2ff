package kz.migration.monitor.job;

import java.time.Instant;
import java.util.Arrays;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.json.EventIdPeek;
import kz.migration.monitor.json.InputParser;
import kz.migration.monitor.json.Parsed;
import kz.migration.monitor.json.RawPayload;

/**
 * Replay's first pass over a range of a file: one key per line that may carry an {@code eventId},
 * its high bits a hash of the stream and the id, its low {@link #INDEX_BITS} the line's index.
 * Sorted, the keys of copies of one event sit together: lines whose hash no other line shares
 * cannot be copies, and only the others are parsed again ({@link LosingCopies}).
 *
 * <p>Ids are peeked off the text ({@link EventIdPeek}); a line whose text is not plain enough is
 * parsed, and counts only if valid: the job never de-duplicates an invalid one. Eight bytes a line,
 * where remembering the ids themselves took a 16-byte fingerprint slot and more for the job's whole
 * run.
 */
final class LineIdKeys {

    /** Bits of a key for the line index: files up to 2^30 lines. */
    static final int INDEX_BITS = 30;

    static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    private final String stream;
    private final InputParser<? extends InputEvent> parser;
    private long[] keys = new long[1 << 12];
    private int size;
    private long lastIndex = -1;

    LineIdKeys(String stream, InputParser<? extends InputEvent> parser) {
        this.stream = stream;
        this.parser = parser;
    }

    /** Takes the line at {@code index} (counted from the start of the range). */
    void accept(RawPayload line, long index) {
        if (line.problem() != null || line.text().isBlank()) {
            return;
        }
        String id = EventIdPeek.of(line.text());
        if (id == EventIdPeek.UNKNOWN) {
            Parsed<? extends InputEvent> p = parser.parse(line, Instant.EPOCH);
            id = p.isValid() ? p.event().eventId() : null;
        }
        if (id == null || id.isEmpty()) {
            return;
        }
        checkIndex(index);
        lastIndex = index;
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, keys.length * 2);
        }
        keys[size++] = (EventFingerprint.of(stream, id).hi() & ~INDEX_MASK) | index;
    }

    /** The keys so far, their indices moved on by {@code offset} (the lines before the range). */
    long[] keys(long offset) {
        // Past the index bits, an index would spill into the hash and part copies.
        checkIndex(offset + lastIndex);
        long[] k = Arrays.copyOf(keys, size);
        if (offset != 0) {
            for (int i = 0; i < size; i++) {
                k[i] += offset;
            }
        }
        return k;
    }

    private static void checkIndex(long index) {
        if (index > INDEX_MASK) {
            throw new IllegalArgumentException(
                    "replay reads files of at most " + (INDEX_MASK + 1) + " lines");
        }
    }

    /**
     * The indices, ascending, of the lines whose hash another line shares: every copy of an event
     * among them. {@code keys} is sorted in place.
     */
    static long[] sharedLines(long[] keys) {
        Arrays.parallelSort(keys);
        long[] shared = new long[16];
        int n = 0;
        for (int i = 0; i < keys.length; ) {
            int j = i + 1;
            while (j < keys.length && (keys[j] & ~INDEX_MASK) == (keys[i] & ~INDEX_MASK)) {
                j++;
            }
            if (j - i > 1) {
                for (int k = i; k < j; k++) {
                    if (n == shared.length) {
                        shared = Arrays.copyOf(shared, n * 2);
                    }
                    shared[n++] = keys[k] & INDEX_MASK;
                }
            }
            i = j;
        }
        long[] lines = Arrays.copyOf(shared, n);
        Arrays.sort(lines);
        return lines;
    }
}
