package kz.migration.monitor.pipeline.types;

import static kz.migration.monitor.pipeline.types.DataFields.readDate;
import static kz.migration.monitor.pipeline.types.DataFields.readEnum;
import static kz.migration.monitor.pipeline.types.DataFields.readString;
import static kz.migration.monitor.pipeline.types.DataFields.writeDate;
import static kz.migration.monitor.pipeline.types.DataFields.writeEnum;
import static kz.migration.monitor.pipeline.types.DataFields.writeString;

import java.io.IOException;
import kz.migration.monitor.event.AlertDetails;
import kz.migration.monitor.event.Program;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.Sector;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Serializes the sealed {@link AlertDetails} union as a tag and the fields of its record, so that
 * alerts travel between operators and wait in state without Kryo. The tags are part of the format
 * of checkpoints: append new ones, never renumber.
 */
public final class AlertDetailsSerializer extends ImmutableTypeSerializer<AlertDetails> {

    private static final long serialVersionUID = 1L;

    public static final AlertDetailsSerializer INSTANCE = new AlertDetailsSerializer();

    private static final int NONE = 0;
    private static final int OVERSTAY = 1;
    private static final int QUOTA = 2;
    private static final int CONTRACT = 3;
    private static final int INFLOW = 4;
    private static final int BAN = 5;
    private static final int SHORTAGE = 6;
    private static final int ABSENT = 255;

    @Override
    public void serialize(AlertDetails d, DataOutputView out) throws IOException {
        if (d == null) {
            out.writeByte(ABSENT);
        } else if (d instanceof AlertDetails.Overstay o) {
            out.writeByte(OVERSTAY);
            out.writeInt(o.overstayDays());
        } else if (d instanceof AlertDetails.Quota q) {
            out.writeByte(QUOTA);
            out.writeInt(q.year());
            writeString(q.category(), out);
            out.writeLong(q.limit());
            out.writeLong(q.utilisation());
            writeString(q.permitId(), out);
        } else if (d instanceof AlertDetails.Contract c) {
            out.writeByte(CONTRACT);
            writeEnum(c.program(), out);
            writeEnum(c.hostRegion(), out);
            writeEnum(c.newRegion(), out);
            out.writeInt(c.months());
            out.writeBoolean(c.returned());
        } else if (d instanceof AlertDetails.Inflow i) {
            out.writeByte(INFLOW);
            out.writeLong(i.netInflow7d());
            out.writeLong(i.threshold());
        } else if (d instanceof AlertDetails.Ban b) {
            out.writeByte(BAN);
            writeDate(b.banUntil(), out);
        } else if (d instanceof AlertDetails.Shortage s) {
            out.writeByte(SHORTAGE);
            out.writeInt(s.year());
            writeEnum(s.sector(), out);
            writeString(s.permitId(), out);
        } else {
            out.writeByte(NONE);
        }
    }

    @Override
    public AlertDetails deserialize(DataInputView in) throws IOException {
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case ABSENT -> null;
            case NONE -> AlertDetails.NONE;
            case OVERSTAY -> new AlertDetails.Overstay(in.readInt());
            case QUOTA ->
                    new AlertDetails.Quota(
                            in.readInt(),
                            readString(in),
                            in.readLong(),
                            in.readLong(),
                            readString(in));
            case CONTRACT ->
                    new AlertDetails.Contract(
                            readEnum(Program.values(), in),
                            readEnum(Region.values(), in),
                            readEnum(Region.values(), in),
                            in.readInt(),
                            in.readBoolean());
            case INFLOW -> new AlertDetails.Inflow(in.readLong(), in.readLong());
            case BAN -> new AlertDetails.Ban(readDate(in));
            case SHORTAGE ->
                    new AlertDetails.Shortage(
                            in.readInt(), readEnum(Sector.values(), in), readString(in));
            default -> throw new IOException("Unknown alert details tag " + tag);
        };
    }

    @Override
    public TypeSerializerSnapshot<AlertDetails> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration; its format is fixed by this class. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<AlertDetails> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
