package kz.migration.monitor.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.AlertDetails;
import kz.migration.monitor.event.AlertType;
import kz.migration.monitor.event.Audience;
import kz.migration.monitor.event.CitizenshipGroup;
import kz.migration.monitor.event.InflowThreshold;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.Severity;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.pipeline.EventTimeOrderedFunction;
import kz.migration.monitor.pipeline.types.MonitorTypes;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoField;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializer;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A place's waiting inputs in a savepoint of the versions before, which Flink's {@code
 * PojoSerializer} wrote, restore under {@link PlaceInputSerializer} on either state backend: the
 * job reads them in the old form, applies them as if it had never stopped, and writes the new form
 * from then on. (The new form itself is pinned by {@code SerializerUpgradeTest}.)
 */
class PlaceInputSerializerTest {

    private static final Instant DAY = Instant.parse("2026-03-01T00:00:00Z");

    /** Writes each input it applies, whole, with its instant. */
    static final class Echo extends EventTimeOrderedFunction<String, PlaceInput, String> {
        private static final long serialVersionUID = 1L;

        Echo(TypeInformation<PlaceInput> type) {
            super(type, Long.MAX_VALUE);
        }

        @Override
        protected Comparator<PlaceInput> order() {
            return PlaceInput.ORDER;
        }

        @Override
        protected void onEvent(
                PlaceInput input, long timestamp, Context ctx, Collector<String> out) {
            out.collect(timestamp + " " + input);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void inputsWaitingInAPojoSerializersSavepointAreAppliedAfterTheUpgrade(String backend)
            throws Exception {
        TypeInformation<PlaceInput> before = pojoForm();
        assertThat(
                        before.createSerializer(
                                new org.apache.flink.api.common.serialization
                                        .SerializerConfigImpl()))
                .isInstanceOf(PojoSerializer.class);
        List<PlaceInput> inputs = inputs();

        OperatorSubtaskState savepoint;
        List<String> beforeStop;
        try (var h = harness(new Echo(before), backend)) {
            h.open();
            for (int i = 0; i < inputs.size(); i++) {
                h.processElement(inputs.get(i), inputs.get(i).at().toEpochMilli());
            }
            h.processWatermark(DAY.plusSeconds(1).toEpochMilli());
            beforeStop = new ArrayList<>(h.extractOutputValues());
            savepoint = h.snapshot(1, 1);
        }
        List<String> afterRestore;
        try (var h = harness(new Echo(PlaceInput.TYPE), backend)) {
            h.initializeState(savepoint);
            h.open();
            h.processWatermark(Long.MAX_VALUE);
            afterRestore = h.extractOutputValues();
            assertThat(h.numEventTimeTimers()).isZero();
            if (backend.equals("hashmap")) {
                // Only the heap backend counts its entries.
                assertThat(h.numKeyedStateEntries()).isZero();
            }
        }
        List<String> neverStopped;
        try (var h = harness(new Echo(PlaceInput.TYPE), backend)) {
            h.open();
            for (PlaceInput input : inputs) {
                h.processElement(input, input.at().toEpochMilli());
            }
            h.processWatermark(Long.MAX_VALUE);
            neverStopped = h.extractOutputValues();
        }

        // Some were applied before the stop and the rest after, all of them exactly once.
        assertThat(beforeStop).isNotEmpty().hasSizeLessThan(inputs.size());
        List<String> all = new ArrayList<>(beforeStop);
        all.addAll(afterRestore);
        assertThat(all).isEqualTo(neverStopped).hasSize(inputs.size());
    }

    /** One input of each kind at the first second and another of each a day later. */
    private static List<PlaceInput> inputs() {
        List<PlaceInput> inputs = new ArrayList<>();
        for (Instant at : List.of(DAY, DAY.plusSeconds(86_400))) {
            inputs.add(
                    PlaceInput.of(
                            new PlaceEvent(
                                    Region.KZ_71,
                                    "Астана",
                                    SourceStream.BORDER_CROSSINGS,
                                    "c-" + at.getEpochSecond(),
                                    at,
                                    CitizenshipGroup.values()[0],
                                    1,
                                    0,
                                    0,
                                    0,
                                    0,
                                    0)));
            inputs.add(
                    PlaceInput.of(
                            new InflowThreshold(
                                    "t-" + at.getEpochSecond(), at, Region.KZ_71, "Astana", 500)));
            inputs.add(
                    PlaceInput.of(
                            new Alert(
                                    "a-" + at.getEpochSecond(),
                                    AlertType.values()[0],
                                    Severity.values()[0],
                                    Audience.values()[0],
                                    at,
                                    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                                    Region.KZ_71,
                                    "Astana",
                                    "UZB",
                                    new AlertDetails.Overstay(4))));
        }
        return inputs;
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, PlaceInput, String> harness(
            Echo echo, String backend) throws Exception {
        var h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(echo), p -> "KZ-71/astana", Types.STRING);
        StateBackend state =
                backend.equals("rocksdb")
                        ? new EmbeddedRocksDBStateBackend()
                        : new HashMapStateBackend();
        h.setStateBackend(state);
        return h;
    }

    /**
     * {@link PlaceInput} as the versions before typed it ({@code MonitorTypes.of} then): Flink's
     * analysis of the record, every record in it a POJO, alert details by their own serializer.
     */
    @SuppressWarnings("unchecked")
    private static TypeInformation<PlaceInput> pojoForm() {
        return (TypeInformation<PlaceInput>) pojo(TypeInformation.of(PlaceInput.class));
    }

    private static TypeInformation<?> pojo(TypeInformation<?> t) {
        if (t instanceof GenericTypeInfo<?> g && g.getTypeClass() == AlertDetails.class) {
            return MonitorTypes.ALERT_DETAILS;
        }
        if (t instanceof PojoTypeInfo<?> p) {
            List<PojoField> fields = new ArrayList<>();
            for (int i = 0; i < p.getArity(); i++) {
                PojoField f = p.getPojoFieldAt(i);
                fields.add(new PojoField(f.getField(), pojo(f.getTypeInformation())));
            }
            return new PojoTypeInfo<>(p.getTypeClass(), fields);
        }
        return t;
    }
}
