package kz.migration.monitor.pipeline.types;

import java.io.IOException;
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
final class DataFields {

    private DataFields() {}

    static void writeString(String s, DataOutputView out) throws IOException {
        StringValue.writeString(s, out);
    }

    static String readString(DataInputView in) throws IOException {
        return StringValue.readString(in);
    }

    /** An instant as seconds and nanoseconds, exactly, or a null marker. */
    static void writeInstant(Instant i, DataOutputView out) throws IOException {
        out.writeBoolean(i != null);
        if (i != null) {
            out.writeLong(i.getEpochSecond());
            out.writeInt(i.getNano());
        }
    }

    static Instant readInstant(DataInputView in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    /** A date as its epoch day, or {@code Long.MIN_VALUE} for null (not a valid epoch day). */
    static void writeDate(LocalDate d, DataOutputView out) throws IOException {
        out.writeLong(d == null ? Long.MIN_VALUE : d.toEpochDay());
    }

    static LocalDate readDate(DataInputView in) throws IOException {
        long day = in.readLong();
        return day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day);
    }

    /** An enum constant as ordinal + 1, 0 for null. */
    static void writeEnum(Enum<?> e, DataOutputView out) throws IOException {
        out.writeByte(e == null ? 0 : e.ordinal() + 1);
    }

    static <E extends Enum<E>> E readEnum(E[] constants, DataInputView in) throws IOException {
        int i = in.readUnsignedByte();
        return i == 0 ? null : constants[i - 1];
    }
}
