package kz.migration.monitor.job;

import static kz.migration.monitor.SampleEvents.entry;
import static org.assertj.core.api.Assertions.assertThat;

import kz.migration.monitor.event.BorderCrossing;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.pipeline.types.MonitorTypes;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReplayDeduplicatorTest {

    private final KeyedOneInputStreamOperatorTestHarness<EventKey, InputEvent, InputEvent> harness =
            new KeyedOneInputStreamOperatorTestHarness<>(
                    new ReplayDeduplicator(1_000), EventKey::of, EventKey.TYPE);

    ReplayDeduplicatorTest() throws Exception {
        harness.getExecutionConfig()
                .configure(
                        new Configuration().set(PipelineOptions.GENERIC_TYPES, false),
                        ReplayDeduplicatorTest.class.getClassLoader());
        harness.setup(
                MonitorTypes.INPUT_EVENT.createSerializer(
                        harness.getExecutionConfig().getSerializerConfig()));
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(InputEvent e) throws Exception {
        harness.processElement(e, e.timestamp());
    }

    @Test
    void theEarliestCopyWinsWhateverTheArrivalOrderOnceTheWatermarkPassesIt() throws Exception {
        BorderCrossing late = entry("c1", "2026-03-01T12:00", "P1", "UZB");
        BorderCrossing early = entry("c1", "2026-03-01T10:00", "P1", "RUS");
        BorderCrossing other = entry("c2", "2026-03-01T11:00", "P2", "UZB");
        send(late);
        send(early);
        send(other);

        harness.processWatermark(early.timestamp() - 1);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(late.timestamp());
        assertThat(harness.extractOutputValues()).containsExactly(early, other);
        assertThat(harness.extractOutputStreamRecords().get(0).getTimestamp())
                .isEqualTo(early.timestamp());
    }

    @Test
    void copiesOfOneInstantAreDecidedByContent() throws Exception {
        BorderCrossing rus = entry("c1", "2026-03-01T10:00", "P1", "RUS");
        BorderCrossing uzb = entry("c1", "2026-03-01T10:00", "P1", "UZB");
        send(uzb);
        send(rus);

        harness.processWatermark(rus.timestamp());

        assertThat(harness.extractOutputValues()).containsExactly(rus);
    }

    @Test
    void anIdIsRememberedForTheWholeReplay() throws Exception {
        BorderCrossing first = entry("c1", "2026-03-01T10:00", "P1", "UZB");
        send(first);
        harness.processWatermark(first.timestamp());
        // a year later in event time, still the same event
        send(entry("c1", "2027-03-01T10:00", "P1", "UZB"));
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues()).containsExactly(first);
    }

    @Test
    void theSameIdInAnotherStreamIsAnotherEvent() throws Exception {
        BorderCrossing crossing = entry("x1", "2026-03-01T10:00", "P1", "UZB");
        InputEvent registration =
                kz.migration.monitor.SampleEvents.registration(
                        "x1",
                        "2026-03-01T10:00",
                        "P1",
                        kz.migration.monitor.event.RegistrationKind.PERMANENT_RESIDENCE,
                        kz.migration.monitor.event.Region.KZ_71,
                        null,
                        null);
        send(crossing);
        send(registration);
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues()).containsExactlyInAnyOrder(crossing, registration);
    }
}
