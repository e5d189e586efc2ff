package kz.migration.monitor.json;

import java.time.Instant;

/**
 * A record's {@code occurredAt} read off its text without parsing the JSON, for a first pass over a
 * file that needs only event times and parses a line only where its validity could change what it
 * finds.
 *
 * <p>The peek answers only for plain text with the key {@code "occurredAt"} (see {@link
 * PlainStringField}), so a valid record's event time is always the peeked one. Whether the record
 * is valid the peek does not say.
 */
public final class OccurredAtPeek {

    /** The answer where the text is not plain enough to peek at. */
    public static final long UNKNOWN = Long.MIN_VALUE;

    private static final String KEY = "\"occurredAt\"";

    private OccurredAtPeek() {}

    /**
     * The epoch milli of the {@code occurredAt} that {@code text} holds if it is a valid record, or
     * {@link #UNKNOWN}.
     */
    public static long millis(String text) {
        int start = PlainStringField.valueStart(text, KEY);
        if (start < 0) {
            return UNKNOWN;
        }
        Instant at = IsoInstants.instantOrNull(text.substring(start, text.indexOf('"', start)));
        return at == null ? UNKNOWN : at.toEpochMilli();
    }
}
