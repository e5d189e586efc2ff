package kz.migration.monitor.pipeline.types;

import static kz.migration.monitor.pipeline.types.DataFields.readEnum;
import static kz.migration.monitor.pipeline.types.DataFields.readInstant;
import static kz.migration.monitor.pipeline.types.DataFields.readString;
import static kz.migration.monitor.pipeline.types.DataFields.writeEnum;
import static kz.migration.monitor.pipeline.types.DataFields.writeInstant;
import static kz.migration.monitor.pipeline.types.DataFields.writeString;

import java.io.IOException;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.AlertType;
import kz.migration.monitor.event.Audience;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.Severity;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Serializes an {@link Alert} field by field, in every shuffle and where alerts naming a city wait
 * in the place ledger's state. Flink's {@code PojoSerializer} did before: it reads a record's
 * fields and calls its constructor by reflection, and with the place ledger's inputs it was the
 * largest cost of that operator.
 */
public final class AlertSerializer extends ImmutableTypeSerializer<Alert> {

    private static final long serialVersionUID = 1L;

    public static final AlertSerializer INSTANCE = new AlertSerializer();

    private static final AlertType[] TYPES = AlertType.values();
    private static final Severity[] SEVERITIES = Severity.values();
    private static final Audience[] AUDIENCES = Audience.values();
    private static final Region[] REGIONS = Region.values();

    @Override
    public void serialize(Alert a, DataOutputView out) throws IOException {
        writeString(a.alertId(), out);
        writeEnum(a.type(), out);
        writeEnum(a.severity(), out);
        writeEnum(a.audience(), out);
        writeInstant(a.raisedAt(), out);
        writeString(a.subjectRef(), out);
        writeEnum(a.region(), out);
        writeString(a.city(), out);
        writeString(a.citizenship(), out);
        AlertDetailsSerializer.INSTANCE.serialize(a.details(), out);
    }

    @Override
    public Alert deserialize(DataInputView in) throws IOException {
        return new Alert(
                readString(in),
                readEnum(TYPES, in),
                readEnum(SEVERITIES, in),
                readEnum(AUDIENCES, in),
                readInstant(in),
                readString(in),
                readEnum(REGIONS, in),
                readString(in),
                readString(in),
                AlertDetailsSerializer.INSTANCE.deserialize(in));
    }

    @Override
    public TypeSerializerSnapshot<Alert> snapshotConfiguration() {
        return new Snapshot();
    }

    /** No configuration; the format is fixed by this class. */
    public static final class Snapshot extends ReplacesPojoSnapshot<Alert> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
