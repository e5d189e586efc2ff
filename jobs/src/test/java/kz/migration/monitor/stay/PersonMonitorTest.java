package kz.migration.monitor.stay;

import static kz.migration.monitor.SampleEvents.at;
import static kz.migration.monitor.SampleEvents.endMillisOf;
import static kz.migration.monitor.SampleEvents.endOf;
import static kz.migration.monitor.SampleEvents.entry;
import static kz.migration.monitor.SampleEvents.entryWithVisa;
import static kz.migration.monitor.SampleEvents.exit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.AlertDetails;
import kz.migration.monitor.event.AlertType;
import kz.migration.monitor.event.Audience;
import kz.migration.monitor.event.BorderCrossing;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.KazakhstanTime;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.Severity;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Overstays of one person through the harness: timers at the end of days, exits, and state
 * clean-up.
 */
class PersonMonitorTest {

    private final KeyedOneInputStreamOperatorTestHarness<String, InputEvent, Alert> harness =
            PersonMonitorHarness.open();

    PersonMonitorTest() throws Exception {}

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(InputEvent... events) throws Exception {
        for (InputEvent e : events) {
            harness.processElement(e, e.timestamp());
        }
    }

    private List<String> overstays() {
        return harness.extractOutputValues().stream()
                .map(
                        a ->
                                a.type()
                                        + " "
                                        + a.raisedAt()
                                        + " "
                                        + a.details(AlertDetails.Overstay.class).overstayDays()
                                        + " "
                                        + a.severity())
                .toList();
    }

    @Test
    void anOverstayFiresAtTheEndOfTheFirstUnlawfulDayWhenTheWatermarkGetsThere() throws Exception {
        // UZB (DEFAULT: 30 days per entry): 1 .. 30 March lawful, 31 March the 1st unlawful day.
        send(entry("c1", "2026-03-01T10:00", "P1", "UZB"));
        harness.processWatermark(at("2026-03-01T10:00").toEpochMilli());
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        harness.processWatermark(endMillisOf("2026-03-31") - 1);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(endMillisOf("2026-03-31"));
        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.type()).isEqualTo(AlertType.OVERSTAY);
                            assertThat(a.raisedAt()).isEqualTo(endOf("2026-03-31"));
                            assertThat(a.details(AlertDetails.Overstay.class).overstayDays())
                                    .isEqualTo(1);
                            assertThat(a.severity()).isEqualTo(Severity.WARNING);
                            assertThat(a.audience()).isEqualTo(Audience.SECURITY);
                            assertThat(a.subjectRef()).isEqualTo("P1");
                            // No registered residence: the checkpoint of the stay's entry.
                            assertThat(a.region()).isEqualTo(Region.KZ_61);
                            assertThat(a.city()).isEqualTo("Saryagash");
                            assertThat(a.citizenship()).isEqualTo("UZB");
                        });

        harness.processWatermark(endMillisOf("2026-04-20"));
        assertThat(overstays())
                .containsExactly(
                        "OVERSTAY 2026-03-31T19:00:00Z 1 WARNING",
                        "OVERSTAY 2026-04-03T19:00:00Z 4 MAJOR",
                        "OVERSTAY 2026-04-10T19:00:00Z 11 CRITICAL");
        // Still present: one wake-up keeps looking ahead.
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
    }

    @Test
    void aVisaPresentedAtEntryMovesTheOverstay() throws Exception {
        // Covered 1 .. 10 March; 11 March .. 9 April are the 30 uncovered lawful days.
        send(entryWithVisa("c1", "2026-03-01T10:00", "P1", "UZB", "2026-03-10"));

        harness.processWatermark(endMillisOf("2026-04-09"));
        assertThat(harness.extractOutputValues()).isEmpty();
        harness.processWatermark(endMillisOf("2026-04-10"));
        assertThat(overstays()).containsExactly("OVERSTAY 2026-04-10T19:00:00Z 1 WARNING");
    }

    @Test
    void anExitEndsTheOverstayAndTheStateGoesOnceTheWindowHasPassed() throws Exception {
        BorderCrossing out = exit("c2", "2026-04-05T10:00", "P1", "UZB");
        // The exit arrives first: within the lateness, results follow event time, not arrival.
        send(out, entry("c1", "2026-03-01T10:00", "P1", "UZB"));

        harness.processWatermark(out.timestamp());

        assertThat(overstays())
                .containsExactly(
                        "OVERSTAY 2026-03-31T19:00:00Z 1 WARNING",
                        "OVERSTAY 2026-04-03T19:00:00Z 4 MAJOR",
                        "OVERSTAY_ENDED 2026-04-05T05:00:00Z 6 MAJOR");
        Alert ended = harness.extractOutputValues().get(2);
        // No registered residence: the checkpoint of the exit.
        assertThat(ended.region()).isEqualTo(Region.KZ_33);
        assertThat(ended.city()).isEqualTo("Khorgos");
        assertThat(ended.subjectRef()).isEqualTo("P1");

        // Gone, but the 36 uncovered days still count in the 180-day window of a later stay.
        assertThat(harness.numKeyedStateEntries()).isPositive();
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);

        long windowPassed =
                KazakhstanTime.startOf(
                                LocalDate.parse("2026-04-05").plusDays(StayLedger.WINDOW_DAYS))
                        .toEpochMilli();
        harness.processWatermark(windowPassed - 1);
        assertThat(harness.numKeyedStateEntries()).isPositive();

        harness.processWatermark(windowPassed);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.extractOutputValues()).hasSize(3);
    }

    @Test
    void anExitOnTheDayOfAMarkRaisesNoOverstayForIt() throws Exception {
        // 3 April would be the 4th unlawful day, but the person leaves during it.
        send(
                entry("c1", "2026-03-01T10:00", "P1", "UZB"),
                exit("c2", "2026-04-03T10:00", "P1", "UZB"));

        harness.processWatermark(endMillisOf("2026-04-10"));

        assertThat(overstays())
                .containsExactly(
                        "OVERSTAY 2026-03-31T19:00:00Z 1 WARNING",
                        "OVERSTAY_ENDED 2026-04-03T05:00:00Z 4 MAJOR");
    }

    @Test
    void aCitizenLeavesNoStateBehind() throws Exception {
        send(
                entry("c1", "2026-03-01T10:00", "P2", "KAZ"),
                exit("c2", "2026-09-01T10:00", "P2", "KAZ"));

        harness.processWatermark(at("2026-09-01T10:00").toEpochMilli());

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aPersonIsOneStateEntryWithTheirWakeUpInIt() throws Exception {
        BorderCrossing in = entry("c1", "2026-03-01T10:00", "P1", "UZB");
        send(in);
        harness.processWatermark(in.timestamp());

        // The stay and the wake-up at the end of its 30th day: one entry and its timer, so that a
        // wake of the person reads one entry.
        assertThat(harness.numKeyedStateEntries()).isOne();
        assertThat(harness.numEventTimeTimers()).isOne();
    }

    @ParameterizedTest
    @EnumSource(LegacyPersonState.Form.class)
    void aSavepointOfTheVersionsBeforeContinuesEachPersonWhereItWas(LegacyPersonState.Form form)
            throws Exception {
        BorderCrossing in = entry("c1", "2026-03-01T10:00", "P1", "UZB");
        BorderCrossing out = exit("c2", "2026-04-05T10:00", "P1", "UZB");
        OperatorSubtaskState savepoint;
        try (var before =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new LegacyPersonState(form), InputEvent::subjectRef, Types.STRING)) {
            before.processElement(in, in.timestamp());
            before.processWatermark(in.timestamp());
            savepoint = before.snapshot(1, 1);
        }
        send(in);
        harness.processWatermark(in.timestamp());

        try (var after =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new PersonMonitor(StayRules.defaults(), 5, Long.MAX_VALUE)),
                        InputEvent::subjectRef,
                        Types.STRING)) {
            after.initializeState(savepoint);
            after.open();
            long windowPassed =
                    KazakhstanTime.startOf(
                                    LocalDate.parse("2026-04-05").plusDays(StayLedger.WINDOW_DAYS))
                            .toEpochMilli();
            for (var h : List.of(after, harness)) {
                h.processWatermark(endMillisOf("2026-03-31"));
                h.processElement(out, out.timestamp());
                h.processWatermark(out.timestamp());
            }
            // The stay went on from the old state as if the job had never stopped.
            assertThat(after.extractOutputValues())
                    .hasSize(3)
                    .isEqualTo(harness.extractOutputValues());
            // Moved over, the person is one value like any other, not two copies.
            assertThat(after.numKeyedStateEntries()).isEqualTo(harness.numKeyedStateEntries());

            after.processWatermark(windowPassed);
            assertThat(after.numKeyedStateEntries()).isZero();
            assertThat(after.numEventTimeTimers()).isZero();
        }
    }
}
