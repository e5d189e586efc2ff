package kz.migration.monitor.json;

import java.time.Instant;

/**
 * A record's {@code occurredAt} read off its text without parsing the JSON, for a first pass over a
 * file that needs only event times and parses a line only where its validity could change what it
 * finds.
 *
 * <p>The peek answers only for plain text: no backslash anywhere (so no string can hide a quote or
 * spell a key in escapes) and the key {@code "occurredAt"} exactly once, followed by a colon and a
 * string. In such text of a valid record that key is the record's own (a second one would be a
 * duplicate key, which the parser refuses), so a valid record's event time is always the peeked
 * one. Whether the record is valid the peek does not say.
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
        if (text == null || text.indexOf('\\') >= 0) {
            return UNKNOWN;
        }
        int key = text.indexOf(KEY);
        if (key < 0 || text.indexOf(KEY, key + 1) >= 0) {
            return UNKNOWN;
        }
        int i = skipSpace(text, key + KEY.length());
        if (i >= text.length() || text.charAt(i) != ':') {
            return UNKNOWN;
        }
        i = skipSpace(text, i + 1);
        if (i >= text.length() || text.charAt(i) != '"') {
            return UNKNOWN;
        }
        int end = text.indexOf('"', i + 1);
        if (end < 0) {
            return UNKNOWN;
        }
        Instant at = IsoInstants.instantOrNull(text.substring(i + 1, end));
        return at == null ? UNKNOWN : at.toEpochMilli();
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return i;
            }
            i++;
        }
        return i;
    }
}
