package kz.migration.monitor.json;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One raw input record as text, checked against the hostile-size bound before any JSON parser sees
 * it: a Kafka record value or a replay line.
 *
 * <p>A record of more than {@link #MAX_RECORD_BYTES} bytes of UTF-8 is not decoded whole: {@link
 * #text} then holds its longest prefix of at most that many bytes that ends on a character, and
 * {@link #problem} says so. Bytes that are not UTF-8 cannot be carried in a string, so they are
 * replaced by U+FFFD in {@link #text} and {@link #problem} gives the offset of the first one.
 *
 * @param text the record's text (a prefix for an oversized record), or null for a missing value
 * @param problem why the record is rejected as a whole before parsing, or null
 */
public record RawPayload(String text, String problem) {

    /** Largest record accepted, in bytes of UTF-8: the contract README's documented bound. */
    public static final int MAX_RECORD_BYTES = 65_536;

    /** A record that is already text, e.g. from a test or a tool. */
    public static RawPayload of(String text) {
        if (text == null || text.length() <= MAX_RECORD_BYTES / 3) {
            // three bytes per char at most (a surrogate pair is two chars for four bytes)
            return new RawPayload(text, null);
        }
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int size;
            if (c < 0x80) {
                size = 1;
            } else if (c < 0x800) {
                size = 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                size = 4;
            } else {
                size = 3;
            }
            if (bytes + size > MAX_RECORD_BYTES) {
                return new RawPayload(text.substring(0, i), oversized(-1));
            }
            bytes += size;
            if (size == 4) {
                i++;
            }
        }
        return new RawPayload(text, null);
    }

    /** A record value as bytes, e.g. from Kafka: decoded as strict UTF-8. */
    public static RawPayload of(byte[] utf8) {
        return utf8 == null ? new RawPayload(null, null) : of(utf8, utf8.length, utf8.length);
    }

    /**
     * The first {@code length} bytes of a record of {@code totalLength} bytes; a reader that
     * skipped the rest of an over-long line passes the prefix it kept (at least {@link
     * #MAX_RECORD_BYTES} bytes, or all of the line).
     */
    public static RawPayload of(byte[] bytes, int length, long totalLength) {
        if (totalLength > MAX_RECORD_BYTES) {
            int end = Math.min(length, MAX_RECORD_BYTES);
            // back off to a character boundary: never keep half of a multi-byte character
            int cut = end;
            while (cut > 0 && cut < length && (bytes[cut] & 0xC0) == 0x80) {
                cut--;
            }
            String prefix = new String(bytes, 0, cut, StandardCharsets.UTF_8);
            return new RawPayload(prefix, oversized(totalLength));
        }
        CharsetDecoder strict =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        try {
            CharBuffer chars = strict.decode(in);
            return new RawPayload(chars.toString(), null);
        } catch (CharacterCodingException e) {
            return new RawPayload(
                    new String(bytes, 0, length, StandardCharsets.UTF_8),
                    "not valid UTF-8 (byte " + firstMalformed(bytes, length) + ")");
        }
    }

    /** The reason of an oversized record; {@code size} is its length in bytes, or -1 if unknown. */
    private static String oversized(long size) {
        return "record exceeds "
                + MAX_RECORD_BYTES
                + " bytes"
                + (size < 0 ? "" : " (has " + size + ")")
                + "; the payload keeps only its first "
                + MAX_RECORD_BYTES
                + " bytes";
    }

    private static int firstMalformed(byte[] bytes, int length) {
        CharsetDecoder strict =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length);
        strict.decode(in, out, true);
        return in.position();
    }
}
