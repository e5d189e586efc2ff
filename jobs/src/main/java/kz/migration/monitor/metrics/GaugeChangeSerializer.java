package kz.migration.monitor.metrics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import kz.migration.monitor.pipeline.types.SerializerTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Serializes a {@link GaugeChange} (on the wire to {@link DomainGauges} and in its checkpointed
 * state) instead of Kryo: the series' name, its labels, the mode and the value.
 */
public final class GaugeChangeSerializer extends TypeSerializerSingleton<GaugeChange> {

    private static final long serialVersionUID = 1L;

    public static final GaugeChangeSerializer INSTANCE = new GaugeChangeSerializer();

    /** The type information of gauge changes. */
    public static final TypeInformation<GaugeChange> TYPE =
            new SerializerTypeInfo<>(GaugeChange.class, INSTANCE);

    private static final GaugeChange.Mode[] MODES = GaugeChange.Mode.values();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public GaugeChange createInstance() {
        return null;
    }

    @Override
    public GaugeChange copy(GaugeChange from) {
        return from;
    }

    @Override
    public GaugeChange copy(GaugeChange from, GaugeChange reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(GaugeChange change, DataOutputView out) throws IOException {
        GaugeSeries series = change.series();
        StringValue.writeString(series.name(), out);
        out.writeByte(series.labels().size());
        for (GaugeSeries.Label label : series.labels()) {
            StringValue.writeString(label.name(), out);
            StringValue.writeString(label.value(), out);
        }
        out.writeByte(change.mode().ordinal());
        out.writeDouble(change.value());
    }

    @Override
    public GaugeChange deserialize(DataInputView in) throws IOException {
        String name = StringValue.readString(in);
        int count = in.readUnsignedByte();
        List<GaugeSeries.Label> labels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            labels.add(
                    new GaugeSeries.Label(StringValue.readString(in), StringValue.readString(in)));
        }
        GaugeChange.Mode mode = MODES[in.readUnsignedByte()];
        return new GaugeChange(new GaugeSeries(name, labels), mode, in.readDouble());
    }

    @Override
    public GaugeChange deserialize(GaugeChange reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    @Override
    public TypeSerializerSnapshot<GaugeChange> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration; its format is fixed by this class. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<GaugeChange> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
