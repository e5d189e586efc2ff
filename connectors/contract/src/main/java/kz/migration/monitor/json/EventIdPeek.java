package kz.migration.monitor.json;

/**
 * A record's {@code eventId} read off its text without parsing the JSON, for replay's first pass,
 * which must know every line's id to find the copies of an event before the job starts.
 *
 * <p>The peek answers only for plain text, as {@link OccurredAtPeek} does (see {@link
 * PlainStringField}); there a valid record's id is always the peeked one.
 */
public final class EventIdPeek {

    /** The answer where the text is not plain enough to peek at: parse it to know its id. */
    public static final String UNKNOWN = null;

    /** The answer for plain text without the key: a valid record of it carries no id. */
    public static final String NONE = "";

    private static final String KEY = "\"eventId\"";

    private EventIdPeek() {}

    /**
     * The {@code eventId} that {@code text} holds if it is a valid record; {@link #NONE} or {@link
     * #UNKNOWN}.
     */
    public static String of(String text) {
        int start = PlainStringField.valueStart(text, KEY);
        if (start == PlainStringField.ABSENT) {
            return NONE;
        }
        return start < 0 ? UNKNOWN : text.substring(start, text.indexOf('"', start));
    }
}
