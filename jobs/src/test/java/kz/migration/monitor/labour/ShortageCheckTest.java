package kz.migration.monitor.labour;

import static kz.migration.monitor.SampleEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.AlertDetails;
import kz.migration.monitor.event.AlertType;
import kz.migration.monitor.event.Audience;
import kz.migration.monitor.event.Employment;
import kz.migration.monitor.event.EmploymentKind;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.LabourShortage;
import kz.migration.monitor.event.PermitCategory;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.Sector;
import kz.migration.monitor.event.Severity;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A region's shortage list through the harness: which permit issues it flags, and clean-up. */
class ShortageCheckTest {

    private final KeyedOneInputStreamOperatorTestHarness<String, InputEvent, Alert> harness =
            ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                    new ShortageCheck(Long.MAX_VALUE), ShortageCheck::regionOf, Types.STRING);

    ShortageCheckTest() throws Exception {}

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static LabourShortage listing(
            String id, String at, int year, Region region, Sector sector, boolean open) {
        return new LabourShortage(id, at(at), year, region, sector, open);
    }

    private static Employment issue(
            String id, String at, String permitId, Region region, Sector sector) {
        return new Employment(
                id,
                at(at),
                "P-" + permitId,
                "TJK",
                EmploymentKind.PERMIT_ISSUED,
                region,
                "Almaty",
                permitId,
                PermitCategory.CAT3,
                LocalDate.parse(at.substring(0, 10)).plusDays(90),
                sector,
                null);
    }

    private void send(InputEvent... events) throws Exception {
        for (InputEvent e : events) {
            harness.processElement(e, e.timestamp());
        }
    }

    /** Flagged permits as {@code "permitId year sector"}. */
    private List<String> flagged() {
        return harness.extractOutputValues().stream()
                .map(
                        a -> {
                            AlertDetails.Shortage d = a.details(AlertDetails.Shortage.class);
                            return d.permitId() + " " + d.year() + " " + d.sector();
                        })
                .toList();
    }

    @Test
    void permitsOutsideTheOpenSectorsOfARegionWithAListAreFlagged() throws Exception {
        send(
                listing("s1", "2026-01-01T00:00", 2026, Region.KZ_75, Sector.IT, true),
                listing("s2", "2026-01-01T00:00", 2026, Region.KZ_75, Sector.MINING, false),
                issue("e1", "2026-03-01T10:00", "WP-IT", Region.KZ_75, Sector.IT),
                issue("e2", "2026-03-01T10:00", "WP-MINING", Region.KZ_75, Sector.MINING),
                issue("e3", "2026-03-01T10:00", "WP-HEALTH", Region.KZ_75, Sector.HEALTH),
                issue("e4", "2026-03-01T10:00", "WP-NONE", Region.KZ_75, null),
                // a region without a list is not checked
                issue("e5", "2026-03-01T10:00", "WP-ASTANA", Region.KZ_71, Sector.MINING));
        harness.processWatermark(at("2026-03-02T00:00").toEpochMilli());

        assertThat(flagged())
                .containsExactlyInAnyOrder(
                        "WP-MINING 2026 MINING", "WP-HEALTH 2026 HEALTH", "WP-NONE 2026 OTHER");
        Alert a =
                harness.extractOutputValues().stream()
                        .filter(
                                x ->
                                        x.details(AlertDetails.Shortage.class)
                                                .permitId()
                                                .equals("WP-NONE"))
                        .findFirst()
                        .orElseThrow();
        assertThat(a.type()).isEqualTo(AlertType.PERMIT_OUTSIDE_SHORTAGE);
        assertThat(a.severity()).isEqualTo(Severity.WARNING);
        assertThat(a.audience()).isEqualTo(Audience.DUTY_OFFICER);
        assertThat(a.subjectRef()).isEqualTo("P-WP-NONE");
        assertThat(a.citizenship()).isEqualTo("TJK");
        assertThat(a.region()).isEqualTo(Region.KZ_75);
        assertThat(a.city()).isEqualTo("Almaty");
        assertThat(a.raisedAt()).isEqualTo(at("2026-03-01T10:00"));
    }

    @Test
    void aLaterRecordReplacesTheEarlierOneAndAtOneInstantClosedStands() throws Exception {
        send(
                listing("s1", "2026-01-01T00:00", 2026, Region.KZ_75, Sector.IT, true),
                issue("e1", "2026-02-01T10:00", "WP-1", Region.KZ_75, Sector.IT),
                listing("s2", "2026-03-01T00:00", 2026, Region.KZ_75, Sector.IT, false),
                issue("e2", "2026-03-01T10:00", "WP-2", Region.KZ_75, Sector.IT),
                // open: true and open: false at one instant, in both orders of their ids
                listing("a", "2026-04-01T00:00", 2026, Region.KZ_75, Sector.IT, true),
                listing("b", "2026-04-01T00:00", 2026, Region.KZ_75, Sector.IT, false),
                listing("c", "2026-04-01T00:00", 2026, Region.KZ_75, Sector.MINING, false),
                listing("d", "2026-04-01T00:00", 2026, Region.KZ_75, Sector.MINING, true),
                issue("e3", "2026-04-02T10:00", "WP-3", Region.KZ_75, Sector.IT),
                issue("e4", "2026-04-02T10:00", "WP-4", Region.KZ_75, Sector.MINING),
                listing("s3", "2026-05-01T00:00", 2026, Region.KZ_75, Sector.IT, true),
                issue("e5", "2026-05-02T10:00", "WP-5", Region.KZ_75, Sector.IT));
        harness.processWatermark(at("2026-06-01T00:00").toEpochMilli());

        assertThat(flagged()).containsExactly("WP-2 2026 IT", "WP-3 2026 IT", "WP-4 2026 MINING");
    }

    @Test
    void theYearIsTheLocalYearOfTheIssueAndAYearsListIsForgottenAfterIt() throws Exception {
        send(
                listing("s1", "2026-01-01T00:00", 2026, Region.KZ_75, Sector.IT, true),
                // 23:30 local on Dec 31 is still 2026; 00:30 local on Jan 1 (19:30Z on Dec 31) is
                // 2027, for which the region has no list
                issue("e1", "2026-12-31T23:30", "WP-2026", Region.KZ_75, Sector.MINING),
                issue("e2", "2027-01-01T00:30", "WP-2027", Region.KZ_75, Sector.MINING));
        harness.processWatermark(at("2026-12-31T23:59").toEpochMilli());
        assertThat(harness.numKeyedStateEntries()).isPositive();
        harness.processWatermark(at("2027-01-02T00:00").toEpochMilli());

        assertThat(flagged()).containsExactly("WP-2026 2026 MINING");
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
