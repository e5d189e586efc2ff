package kz.migration.monitor.json;

/**
 * Finds a string field in a record's text without parsing the JSON, where the text is plain: no
 * backslash anywhere (so no string can hide a quote or spell a key in escapes) and the key at most
 * once, followed by a colon and a string. In such text of a valid record the key is the record's
 * own: a second one would be a duplicate key, which the parser refuses.
 */
final class PlainStringField {

    /** The text is not plain enough to tell. */
    static final int UNKNOWN = -1;

    /** Plain text without the key. */
    static final int ABSENT = -2;

    private PlainStringField() {}

    /**
     * The index of the first character of the string value of {@code quotedKey} (a key in quotes)
     * in {@code text}, {@link #UNKNOWN} or {@link #ABSENT}; the value ends at the next quote.
     */
    static int valueStart(String text, String quotedKey) {
        if (text == null || text.indexOf('\\') >= 0) {
            return UNKNOWN;
        }
        int key = text.indexOf(quotedKey);
        if (key < 0) {
            return ABSENT;
        }
        if (text.indexOf(quotedKey, key + 1) >= 0) {
            return UNKNOWN;
        }
        int i = skipSpace(text, key + quotedKey.length());
        if (i >= text.length() || text.charAt(i) != ':') {
            return UNKNOWN;
        }
        i = skipSpace(text, i + 1);
        if (i >= text.length() || text.charAt(i) != '"' || text.indexOf('"', i + 1) < 0) {
            return UNKNOWN;
        }
        return i + 1;
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
