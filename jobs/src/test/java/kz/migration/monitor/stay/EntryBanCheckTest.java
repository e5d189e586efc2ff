package kz.migration.monitor.stay;

import static kz.migration.monitor.SampleEvents.at;
import static kz.migration.monitor.SampleEvents.endMillisOf;
import static kz.migration.monitor.SampleEvents.entry;
import static kz.migration.monitor.SampleEvents.exit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.AlertDetails;
import kz.migration.monitor.event.AlertType;
import kz.migration.monitor.event.Audience;
import kz.migration.monitor.event.EntryBan;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.Severity;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Entry bans of one person through the harness: alerts at entries, the tie rule, clean-up. */
class EntryBanCheckTest {

    private final KeyedOneInputStreamOperatorTestHarness<String, InputEvent, Alert> harness =
            ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                    new EntryBanCheck(Long.MAX_VALUE), EntryBanCheck::personOf, Types.STRING);

    EntryBanCheckTest() throws Exception {}

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static EntryBan ban(String id, String at, String person, String until) {
        return new EntryBan(id, at(at), person, LocalDate.parse(until), null);
    }

    private void send(InputEvent... events) throws Exception {
        for (InputEvent e : events) {
            harness.processElement(e, e.timestamp());
        }
    }

    /** Alerts as {@code "raisedAt banUntil"}. */
    private List<String> alerts() {
        return harness.extractOutputValues().stream()
                .map(a -> a.raisedAt() + " " + a.details(AlertDetails.Ban.class).banUntil())
                .toList();
    }

    @Test
    void everyEntryOfABannedPersonIsACriticalAlertForSecurityAtTheCheckpoint() throws Exception {
        send(
                entry("c0", "2026-03-01T08:00", "P1", "KAZ"),
                ban("b1", "2026-03-01T09:00", "P1", "2031-02-28"),
                entry("c1", "2026-03-05T10:00", "P1", "KAZ"),
                exit("c2", "2026-03-06T10:00", "P1", "KAZ"),
                entry("c3", "2026-03-07T10:00", "P1", "KAZ"),
                entry("c4", "2026-03-08T10:00", "P2", "UZB"));
        harness.processWatermark(at("2026-03-09T00:00").toEpochMilli());

        // Not the entry before the ban, nor the exit, nor another person.
        assertThat(alerts())
                .containsExactly(
                        at("2026-03-05T10:00") + " 2031-02-28",
                        at("2026-03-07T10:00") + " 2031-02-28");
        Alert a = harness.extractOutputValues().get(0);
        assertThat(a.type()).isEqualTo(AlertType.BANNED_ENTRY);
        assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(a.audience()).isEqualTo(Audience.SECURITY);
        assertThat(a.subjectRef()).isEqualTo("P1");
        assertThat(a.region()).isEqualTo(Region.KZ_61);
        assertThat(a.city()).isEqualTo("Saryagash");
        assertThat(a.citizenship()).isEqualTo("KAZ");
        assertThat(harness.extractOutputValues())
                .extracting(Alert::alertId)
                .doesNotHaveDuplicates();
    }

    @Test
    void aBanAtTheInstantOfAnEntryComesFirst() throws Exception {
        send(
                entry("a", "2026-03-01T10:00", "P1", "UZB"),
                ban("z", "2026-03-01T10:00", "P1", "2026-03-01"));
        harness.processWatermark(at("2026-03-01T10:00").toEpochMilli());

        assertThat(alerts()).containsExactly(at("2026-03-01T10:00") + " 2026-03-01");
    }

    @Test
    void aBanHoldsThroughItsLastDayAndIsThenForgotten() throws Exception {
        send(
                ban("b1", "2026-03-01T09:00", "P1", "2026-03-10"),
                entry("c1", "2026-03-10T23:59", "P1", "UZB"),
                entry("c2", "2026-03-11T00:00", "P1", "UZB"));
        harness.processWatermark(at("2026-03-11T00:00").toEpochMilli());

        assertThat(alerts()).containsExactly(at("2026-03-10T23:59") + " 2026-03-10");
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aRecordWithAnEarlierUntilLiftsTheBan() throws Exception {
        send(
                ban("b1", "2026-03-01T09:00", "P1", "2031-02-28"),
                ban("b2", "2026-03-04T09:00", "P1", "2026-03-03"),
                entry("c1", "2026-03-04T08:00", "P1", "UZB"),
                entry("c2", "2026-03-04T10:00", "P1", "UZB"));
        harness.processWatermark(at("2026-03-05T00:00").toEpochMilli());

        assertThat(alerts()).containsExactly(at("2026-03-04T08:00") + " 2031-02-28");
        // The lifting record is kept through its own day, then nothing is left.
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void ofTwoRecordsAtOneInstantTheEarlierUntilStandsWhateverTheirOrder() throws Exception {
        send(
                ban("b1", "2026-03-01T09:00", "P1", "2027-12-31"),
                ban("b2", "2026-03-01T09:00", "P1", "2031-02-28"),
                ban("a2", "2026-03-01T09:00", "P2", "2031-02-28"),
                ban("a1", "2026-03-01T09:00", "P2", "2026-02-01"),
                entry("c1", "2026-03-02T10:00", "P1", "UZB"),
                entry("c2", "2026-03-02T10:00", "P2", "UZB"));
        harness.processWatermark(at("2026-03-03T00:00").toEpochMilli());

        // P2's second record lifts the ban at once, the lower value of the two.
        assertThat(alerts()).containsExactly(at("2026-03-02T10:00") + " 2027-12-31");
        assertThat(harness.extractOutputValues().get(0).subjectRef()).isEqualTo("P1");
    }

    @Test
    void aReplacedBansTimerLeavesTheLongerBanInPlace() throws Exception {
        send(
                ban("b1", "2026-03-01T09:00", "P1", "2026-03-05"),
                ban("b2", "2026-03-03T09:00", "P1", "2026-03-20"));
        harness.processWatermark(endMillisOf("2026-03-05"));
        send(entry("c1", "2026-03-15T10:00", "P1", "UZB"));
        harness.processWatermark(endMillisOf("2026-03-20"));

        assertThat(alerts()).containsExactly(at("2026-03-15T10:00") + " 2026-03-20");
        assertThat(harness.numKeyedStateEntries()).isZero();
    }
}
