package kz.migration.monitor.pipeline.types;

import static kz.migration.monitor.pipeline.types.DataFields.readInstant;
import static kz.migration.monitor.pipeline.types.DataFields.readString;
import static kz.migration.monitor.pipeline.types.DataFields.writeInstant;
import static kz.migration.monitor.pipeline.types.DataFields.writeString;

import java.io.IOException;
import kz.migration.monitor.event.DeadLetter;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.pipeline.IngestedRecord;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Serializes an {@link IngestedRecord} (a parsed event or a dead letter, and the raw payload) with
 * {@link InputEventSerializer} for the event, instead of Kryo.
 */
public final class IngestedRecordSerializer extends ImmutableTypeSerializer<IngestedRecord> {

    private static final long serialVersionUID = 1L;

    public static final IngestedRecordSerializer INSTANCE = new IngestedRecordSerializer();

    private static final int HAS_EVENT = 1;
    private static final int HAS_DEAD_LETTER = 2;

    @Override
    public void serialize(IngestedRecord r, DataOutputView out) throws IOException {
        out.writeByte(
                (r.event() != null ? HAS_EVENT : 0)
                        | (r.deadLetter() != null ? HAS_DEAD_LETTER : 0));
        if (r.event() != null) {
            InputEventSerializer.INSTANCE.serialize(r.event(), out);
        }
        DeadLetter d = r.deadLetter();
        if (d != null) {
            writeString(d.source(), out);
            writeString(d.field(), out);
            writeString(d.reason(), out);
            writeString(d.payload(), out);
            writeInstant(d.receivedAt(), out);
        }
        writeString(r.payload(), out);
    }

    @Override
    public IngestedRecord deserialize(DataInputView in) throws IOException {
        int flags = in.readUnsignedByte();
        InputEvent event =
                (flags & HAS_EVENT) != 0 ? InputEventSerializer.INSTANCE.deserialize(in) : null;
        DeadLetter dead =
                (flags & HAS_DEAD_LETTER) != 0
                        ? new DeadLetter(
                                readString(in),
                                readString(in),
                                readString(in),
                                readString(in),
                                readInstant(in))
                        : null;
        return new IngestedRecord(event, dead, readString(in));
    }

    @Override
    public TypeSerializerSnapshot<IngestedRecord> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration; its format is fixed by this class. */
    public static final class Snapshot extends SubjectRefFormSnapshot<IngestedRecord> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
