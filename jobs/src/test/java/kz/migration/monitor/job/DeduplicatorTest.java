package kz.migration.monitor.job;

import static kz.migration.monitor.SampleEvents.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import kz.migration.monitor.SampleEvents;
import kz.migration.monitor.event.BorderCrossing;
import kz.migration.monitor.event.Employment;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.PermitCategory;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.Registration;
import kz.migration.monitor.event.RegistrationKind;
import kz.migration.monitor.pipeline.types.MonitorTypes;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each {@code eventId} of a stream once: the earliest copy, then forgotten after the retention. */
class DeduplicatorTest {

    static final Duration RETENTION = Duration.ofDays(1);

    final KeyedOneInputStreamOperatorTestHarness<EventKey, InputEvent, InputEvent> harness =
            harness();

    DeduplicatorTest() throws Exception {
        harness.open();
    }

    /** The operator under test: the function in Flink's, its copies waiting in state. */
    OneInputStreamOperator<InputEvent, InputEvent> operator() {
        return new KeyedProcessOperator<>(new Deduplicator(RETENTION, Long.MAX_VALUE));
    }

    final KeyedOneInputStreamOperatorTestHarness<EventKey, InputEvent, InputEvent> harness()
            throws Exception {
        return harness(new HashMapStateBackend());
    }

    final KeyedOneInputStreamOperatorTestHarness<EventKey, InputEvent, InputEvent> harness(
            StateBackend backend) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<EventKey, InputEvent, InputEvent> h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        operator(), EventKey::of, EventKey.TYPE);
        h.setStateBackend(backend);
        // The output is every kind of event: serialize it as the job does. Left alone, the harness
        // would copy all outputs with a serializer made for the class of the first one. Kryo is
        // refused, so state falls back to it no more than the job's does.
        h.getExecutionConfig()
                .configure(
                        new Configuration().set(PipelineOptions.GENERIC_TYPES, false),
                        DeduplicatorTest.class.getClassLoader());
        TypeSerializer<InputEvent> events =
                MonitorTypes.INPUT_EVENT.createSerializer(
                        h.getExecutionConfig().getSerializerConfig());
        // As the job graph names it, for an operator that keeps its input in operator state.
        h.getStreamConfig().setupNetworkInputs(events);
        h.getStreamConfig().serializeAllConfigs();
        h.setup(events);
        return h;
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    void send(InputEvent e) throws Exception {
        harness.processElement(e, e.timestamp());
    }

    /** P1's permanent residence in Astana at the instant of the crossings below. */
    private static Registration residence(String eventId) {
        return SampleEvents.registration(
                eventId,
                "2026-03-01T10:00",
                "P1",
                RegistrationKind.PERMANENT_RESIDENCE,
                Region.KZ_71,
                null,
                null);
    }

    @Test
    void theEarliestCopyWinsWhateverTheArrivalOrder() throws Exception {
        BorderCrossing late = entry("c1", "2026-03-01T12:00", "P1", "UZB");
        BorderCrossing early = entry("c1", "2026-03-01T10:00", "P1", "RUS");
        BorderCrossing other = entry("c2", "2026-03-01T11:00", "P2", "UZB");
        send(late);
        send(early);
        send(other);

        harness.processWatermark(late.timestamp());

        // Ids are independent: the order between them is not the de-duplicator's to keep.
        assertThat(harness.extractOutputValues()).containsExactlyInAnyOrder(early, other);
    }

    @Test
    void copiesOfOneInstantAreDecidedByContentWhateverTheArrivalOrder() throws Exception {
        BorderCrossing rus = entry("c1", "2026-03-01T10:00", "P1", "RUS");
        BorderCrossing uzb = entry("c1", "2026-03-01T10:00", "P1", "UZB");
        send(uzb);
        send(rus);
        send(entry("c2", "2026-03-01T10:00", "P2", "UZB"));
        send(entry("c2", "2026-03-01T10:00", "P2", "RUS"));

        harness.processWatermark(rus.timestamp());

        // Equal in time, person and so on, the copies differ first in citizenship: RUS < UZB.
        assertThat(harness.extractOutputValues())
                .containsExactlyInAnyOrder(rus, entry("c2", "2026-03-01T10:00", "P2", "RUS"));
    }

    @Test
    void copiesAfterTheFirstHasPassedAreDropped() throws Exception {
        BorderCrossing first = entry("c1", "2026-03-01T10:00", "P1", "UZB");
        send(first);
        harness.processWatermark(first.timestamp());

        send(entry("c1", "2026-03-01T10:00", "P1", "RUS"));
        send(entry("c1", "2026-03-01T11:00", "P1", "UZB"));
        harness.processWatermark(SampleEvents.at("2026-03-01T12:00").toEpochMilli());

        assertThat(harness.extractOutputValues()).containsExactly(first);
    }

    @Test
    void theSameIdInAnotherStreamIsAnotherEvent() throws Exception {
        BorderCrossing crossing = entry("e1", "2026-03-01T10:00", "P1", "UZB");
        Registration registration = residence("e1");
        send(crossing);
        send(registration);
        harness.processWatermark(crossing.timestamp());

        assertThat(harness.extractOutputValues()).containsExactlyInAnyOrder(crossing, registration);
    }

    @Test
    void waitingCopiesSurviveARestoreFromASnapshot() throws Exception {
        BorderCrossing crossing = entry("c1", "2026-03-01T10:00", "P1", "UZB");
        Registration registration = residence("r1");
        Employment permit =
                SampleEvents.permitIssued(
                        "e1",
                        "2026-03-01T10:00",
                        "P1",
                        "W1",
                        Region.KZ_23,
                        PermitCategory.CAT3,
                        "2026-12-31");
        send(crossing);
        send(registration);
        send(permit);
        // As a task does: the operator is told before the barrier, then snapshotted.
        harness.prepareSnapshotPreBarrier(1L);
        OperatorSubtaskState snapshot = harness.snapshot(1L, crossing.timestamp());

        try (KeyedOneInputStreamOperatorTestHarness<EventKey, InputEvent, InputEvent> restored =
                harness()) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processElement(crossing, crossing.timestamp());
            restored.processWatermark(crossing.timestamp());

            assertThat(restored.extractOutputValues())
                    .containsExactlyInAnyOrder(crossing, registration, permit);
        }
    }

    @Test
    void copiesCountAgainFromTheEndOfTheRetentionInEventTimeWhenEverTheyArrive() throws Exception {
        BorderCrossing first = entry("c1", "2026-03-01T10:00", "P1", "UZB");
        send(first);
        harness.processWatermark(first.timestamp());
        // Remembered, and no timer: a copy's own time decides whether it is within the retention.
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.numEventTimeTimers()).isZero();

        send(entry("c1", "2026-03-02T09:59", "P1", "RUS"));
        BorderCrossing again = entry("c1", "2026-03-02T10:00", "P1", "KGZ");
        send(again);
        harness.processWatermark(SampleEvents.at("2026-03-02T11:00").toEpochMilli());
        // Within the first copy's retention, though it comes after the watermark passed its end.
        send(entry("c1", "2026-03-02T09:59", "P1", "KAZ"));
        // Within the retention of the copy that counted again.
        send(entry("c1", "2026-03-02T12:00", "P1", "UZB"));
        harness.processWatermark(SampleEvents.at("2026-03-02T12:00").toEpochMilli());

        assertThat(harness.extractOutputValues()).containsExactly(first, again);
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void theEntryOfAnIdIsRemovedOnceItsRetentionAndTheCleanupTimeHavePassedOnTheClock()
            throws Exception {
        BorderCrossing first = entry("c1", "2026-03-01T10:00", "P1", "UZB");
        send(first);
        harness.processWatermark(first.timestamp());
        long cleanup = RETENTION.plus(Deduplicator.CLEANUP_AFTER).toMillis();

        // A watermark far behind the clock: still remembered, though its cleanup time is near.
        harness.setStateTtlProcessingTime(cleanup - 1);
        send(entry("c1", "2026-03-01T11:00", "P1", "RUS"));
        harness.processWatermark(SampleEvents.at("2026-03-01T11:00").toEpochMilli());
        assertThat(harness.extractOutputValues()).containsExactly(first);

        harness.setStateTtlProcessingTime(cleanup);
        for (int i = 0; i < 3; i++) {
            send(entry("o" + i, "2026-03-01T12:00", "P2", "UZB"));
        }
        harness.processWatermark(SampleEvents.at("2026-03-01T12:00").toEpochMilli());

        assertThat(harness.extractOutputValues()).hasSize(4);
        // The heap backend removes expired entries a few at each access of the state: the new
        // ids' accesses went past c1's.
        assertThat(harness.numKeyedStateEntries()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void anIdRememberedWithTheRetentionTimerOfTheVersionsBeforeIsForgottenByIt(String backend)
            throws Exception {
        BorderCrossing first = entry("c1", "2026-03-01T10:00", "P1", "UZB");
        OperatorSubtaskState snapshot;
        try (KeyedOneInputStreamOperatorTestHarness<EventKey, InputEvent, InputEvent> legacy =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new LegacyDeduplicatorState(RETENTION)),
                        EventKey::of,
                        EventKey.TYPE)) {
            legacy.setStateBackend(stateBackend(backend));
            legacy.open();
            legacy.processElement(first, first.timestamp());
            snapshot = legacy.snapshot(1L, first.timestamp());
        }

        try (KeyedOneInputStreamOperatorTestHarness<EventKey, InputEvent, InputEvent> restored =
                harness(stateBackend(backend))) {
            restored.initializeState(snapshot);
            restored.open();
            assertThat(restored.numEventTimeTimers()).isOne();
            // Restored without a time to live and still remembered: a copy is dropped.
            restored.processElement(entry("c1", "2026-03-01T12:00", "P1", "RUS"), 0L);
            restored.processWatermark(SampleEvents.at("2026-03-01T12:00").toEpochMilli());

            restored.processWatermark(first.timestamp() + RETENTION.toMillis());

            assertThat(restored.extractOutputValues()).isEmpty();
            assertThat(keysIn(restored, "passed-at")).isZero();
            assertThat(restored.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void aReplacedCopyLeavesNothingBehind() throws Exception {
        // The later copy's timer outlives the retention of the earlier one: when it fires it must
        // neither emit nor bring a copy back.
        BorderCrossing late = entry("c1", "2026-03-05T10:00", "P1", "UZB");
        BorderCrossing early = entry("c1", "2026-03-01T10:00", "P1", "UZB");
        send(late);
        send(early);

        harness.processWatermark(late.timestamp());

        assertThat(harness.extractOutputValues()).containsExactly(early);
        assertThat(keysIn(harness, "pending")).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    private static StateBackend stateBackend(String name) {
        return name.equals("rocksdb")
                ? new EmbeddedRocksDBStateBackend()
                : new HashMapStateBackend();
    }

    /** The number of ids with a value under {@code state}: on every backend, RocksDB's too. */
    private static long keysIn(
            KeyedOneInputStreamOperatorTestHarness<EventKey, InputEvent, InputEvent> h,
            String state)
            throws Exception {
        try (var keys =
                h.getOperator().getKeyedStateBackend().getKeys(state, VoidNamespace.INSTANCE)) {
            return keys.count();
        }
    }
}
