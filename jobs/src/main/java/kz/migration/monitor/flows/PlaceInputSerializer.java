package kz.migration.monitor.flows;

import static kz.migration.monitor.pipeline.types.DataFields.readEnum;
import static kz.migration.monitor.pipeline.types.DataFields.readInstant;
import static kz.migration.monitor.pipeline.types.DataFields.readString;
import static kz.migration.monitor.pipeline.types.DataFields.writeEnum;
import static kz.migration.monitor.pipeline.types.DataFields.writeInstant;
import static kz.migration.monitor.pipeline.types.DataFields.writeString;

import java.io.IOException;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.CitizenshipGroup;
import kz.migration.monitor.event.InflowThreshold;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.pipeline.types.AlertSerializer;
import kz.migration.monitor.pipeline.types.ImmutableTypeSerializer;
import kz.migration.monitor.pipeline.types.ReplacesPojoSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Serializes a {@link PlaceInput} as flags saying which parts it has, then each part field by
 * field. Flink's {@code PojoSerializer} did before, by reflection: with a place's waiting events
 * read and written at each wake of the place, profiled, it was the largest cost of the place
 * ledger, in replay and in the streaming job.
 */
public final class PlaceInputSerializer extends ImmutableTypeSerializer<PlaceInput> {

    private static final long serialVersionUID = 1L;

    public static final PlaceInputSerializer INSTANCE = new PlaceInputSerializer();

    private static final int HAS_EVENT = 1;
    private static final int HAS_THRESHOLD = 2;
    private static final int HAS_ALERT = 4;

    private static final Region[] REGIONS = Region.values();
    private static final SourceStream[] STREAMS = SourceStream.values();
    private static final CitizenshipGroup[] GROUPS = CitizenshipGroup.values();

    @Override
    public void serialize(PlaceInput p, DataOutputView out) throws IOException {
        out.writeByte(
                (p.event() != null ? HAS_EVENT : 0)
                        | (p.threshold() != null ? HAS_THRESHOLD : 0)
                        | (p.alert() != null ? HAS_ALERT : 0));
        PlaceEvent e = p.event();
        if (e != null) {
            writeEnum(e.region(), out);
            writeString(e.spelling(), out);
            writeEnum(e.stream(), out);
            writeString(e.eventId(), out);
            writeInstant(e.occurredAt(), out);
            writeEnum(e.group(), out);
            out.writeInt(e.entries());
            out.writeInt(e.exits());
            out.writeInt(e.arrivals());
            out.writeInt(e.departures());
            out.writeInt(e.permits());
            out.writeInt(e.hires());
        }
        InflowThreshold t = p.threshold();
        if (t != null) {
            writeString(t.eventId(), out);
            writeInstant(t.occurredAt(), out);
            writeEnum(t.region(), out);
            writeString(t.city(), out);
            out.writeLong(t.netInflow7d());
        }
        if (p.alert() != null) {
            AlertSerializer.INSTANCE.serialize(p.alert(), out);
        }
    }

    @Override
    public PlaceInput deserialize(DataInputView in) throws IOException {
        int parts = in.readUnsignedByte();
        PlaceEvent event =
                (parts & HAS_EVENT) == 0
                        ? null
                        : new PlaceEvent(
                                readEnum(REGIONS, in),
                                readString(in),
                                readEnum(STREAMS, in),
                                readString(in),
                                readInstant(in),
                                readEnum(GROUPS, in),
                                in.readInt(),
                                in.readInt(),
                                in.readInt(),
                                in.readInt(),
                                in.readInt(),
                                in.readInt());
        InflowThreshold threshold =
                (parts & HAS_THRESHOLD) == 0
                        ? null
                        : new InflowThreshold(
                                readString(in),
                                readInstant(in),
                                readEnum(REGIONS, in),
                                readString(in),
                                in.readLong());
        Alert alert = (parts & HAS_ALERT) == 0 ? null : AlertSerializer.INSTANCE.deserialize(in);
        return new PlaceInput(event, threshold, alert);
    }

    @Override
    public TypeSerializerSnapshot<PlaceInput> snapshotConfiguration() {
        return new Snapshot();
    }

    /** No configuration; the format is fixed by this class. */
    public static final class Snapshot extends ReplacesPojoSnapshot<PlaceInput> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
