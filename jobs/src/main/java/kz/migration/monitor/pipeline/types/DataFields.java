package kz.migration.monitor.pipeline.types;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Reads and writes the nullable field types of the event records: strings, instants, dates and enum
 * constants. Enums are written by ordinal, so the order of their constants is part of the
 * serialized form (see the serializers' snapshot versions).
 */
public final class DataFields {

    private DataFields() {}

    /**
     * Flink's {@link StringValue} form, byte for byte: the length plus one, then each char, both
     * variable-length in 7-bit groups. An ASCII string of under 127 chars is one length byte and
     * its chars as they are, written here in one copy; {@code StringValue} writes char by char,
     * which was a twentieth of replay's samples.
     */
    public static void writeString(String s, DataOutputView out) throws IOException {
        byte[] ascii = s != null && s.length() < SHORT_STRING ? asciiOrNull(s) : null;
        if (ascii == null) {
            StringValue.writeString(s, out);
            return;
        }
        out.writeByte(ascii.length + 1);
        out.write(ascii);
    }

    /** Strings shorter than this have a length (plus one) that fits one 7-bit group. */
    private static final int SHORT_STRING = 127;

    /** The chars of {@code s} as bytes if all are ASCII, else {@code null}. */
    private static byte[] asciiOrNull(String s) {
        byte[] bytes = new byte[s.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            bytes[i] = (byte) c;
        }
        return bytes;
    }

    /**
     * Reads {@link #writeString}'s form. The chars are read as a block of bytes first: for ASCII,
     * as nearly every field is, that block is the string.
     */
    public static String readString(DataInputView in) throws IOException {
        int length = readVariable(in.readUnsignedByte(), in);
        if (length == 0) {
            return null;
        }
        byte[] bytes = new byte[length - 1];
        in.readFully(bytes);
        int ascii = 0;
        while (ascii < bytes.length && bytes[ascii] >= 0) {
            ascii++;
        }
        if (ascii == bytes.length) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        // A char of two or more bytes: the block holds fewer chars than the string has.
        char[] chars = new char[bytes.length];
        for (int i = 0; i < ascii; i++) {
            chars[i] = (char) bytes[i];
        }
        int[] next = {ascii};
        for (int i = ascii; i < chars.length; i++) {
            chars[i] = (char) readVariable(nextByte(bytes, next, in), bytes, next, in);
        }
        return new String(chars);
    }

    /** A value in 7-bit groups, low first, whose first byte is {@code first}. */
    private static int readVariable(int first, DataInputView in) throws IOException {
        int value = first & 0x7f;
        int shift = 7;
        int b = first;
        while (b >= 0x80) {
            b = in.readUnsignedByte();
            value |= (b & 0x7f) << shift;
            shift += 7;
        }
        return value;
    }

    /** As above, taking the bytes left in {@code bytes} from {@code next[0]} before {@code in}. */
    private static int readVariable(int first, byte[] bytes, int[] next, DataInputView in)
            throws IOException {
        int value = first & 0x7f;
        int shift = 7;
        int b = first;
        while (b >= 0x80) {
            b = nextByte(bytes, next, in);
            value |= (b & 0x7f) << shift;
            shift += 7;
        }
        return value;
    }

    private static int nextByte(byte[] bytes, int[] next, DataInputView in) throws IOException {
        return next[0] < bytes.length ? bytes[next[0]++] & 0xff : in.readUnsignedByte();
    }

    /** An instant as seconds and nanoseconds, exactly, or a null marker. */
    public static void writeInstant(Instant i, DataOutputView out) throws IOException {
        out.writeBoolean(i != null);
        if (i != null) {
            out.writeLong(i.getEpochSecond());
            out.writeInt(i.getNano());
        }
    }

    public static Instant readInstant(DataInputView in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    /** A date as its epoch day, or {@code Long.MIN_VALUE} for null (not a valid epoch day). */
    public static void writeDate(LocalDate d, DataOutputView out) throws IOException {
        out.writeLong(d == null ? Long.MIN_VALUE : d.toEpochDay());
    }

    public static LocalDate readDate(DataInputView in) throws IOException {
        long day = in.readLong();
        return day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day);
    }

    /** An enum constant as ordinal + 1, 0 for null. */
    public static void writeEnum(Enum<?> e, DataOutputView out) throws IOException {
        out.writeByte(e == null ? 0 : e.ordinal() + 1);
    }

    public static <E extends Enum<E>> E readEnum(E[] constants, DataInputView in)
            throws IOException {
        int i = in.readUnsignedByte();
        return i == 0 ? null : constants[i - 1];
    }
}
