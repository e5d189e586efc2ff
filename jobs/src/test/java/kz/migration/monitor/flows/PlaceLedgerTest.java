package kz.migration.monitor.flows;

import static kz.migration.monitor.SampleEvents.at;
import static kz.migration.monitor.SampleEvents.endMillisOf;
import static kz.migration.monitor.SampleEvents.endOf;
import static kz.migration.monitor.SampleEvents.entry;
import static kz.migration.monitor.SampleEvents.registration;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.AlertDetails;
import kz.migration.monitor.event.AlertType;
import kz.migration.monitor.event.Audience;
import kz.migration.monitor.event.FlowStats;
import kz.migration.monitor.event.GroupCounts;
import kz.migration.monitor.event.InflowThreshold;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.Registration;
import kz.migration.monitor.event.RegistrationKind;
import kz.migration.monitor.event.Severity;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Places' daily rows, inflow surges and city spellings through the harness. */
class PlaceLedgerTest {

    /** A small default for Astana so that a few arrivals make a surge. */
    private final KeyedOneInputStreamOperatorTestHarness<PlaceKey, PlaceInput, Alert> harness =
            ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                    new PlaceLedger(Map.of(Region.KZ_71, 2L), Long.MAX_VALUE),
                    PlaceInput::placeKey,
                    PlaceKey.TYPE);

    PlaceLedgerTest() throws Exception {}

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** Sends an event as the job does: split into its places by {@link PlaceEvents}. */
    private void send(InputEvent... events) throws Exception {
        for (InputEvent e : events) {
            List<PlaceInput> inputs = new ArrayList<>();
            new PlaceEvents().flatMap(e, collectorOf(inputs));
            for (PlaceInput in : inputs) {
                harness.processElement(in, in.at().toEpochMilli());
            }
        }
    }

    private void send(PlaceInput in) throws Exception {
        harness.processElement(in, in.at().toEpochMilli());
    }

    private static Collector<PlaceInput> collectorOf(List<PlaceInput> list) {
        return new Collector<>() {
            @Override
            public void collect(PlaceInput record) {
                list.add(record);
            }

            @Override
            public void close() {}
        };
    }

    private List<FlowStats> rows() {
        var side = harness.getSideOutput(PlaceLedger.FLOW_STATS);
        return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
    }

    private List<FlowStats> rowsOf(String date) {
        return rows().stream().filter(r -> r.date().equals(LocalDate.parse(date))).toList();
    }

    private static Registration arrival(String id, String at, Region region, String city) {
        return registration(
                id, at, "P" + id, RegistrationKind.PERMANENT_RESIDENCE, region, city, null);
    }

    /** An inflow threshold record as the reference-data stream carries it, for a region. */
    private static InflowThreshold threshold(
            String id, String at, Region region, long netInflow7d) {
        return new InflowThreshold(id, at(at), region, null, netInflow7d);
    }

    private static Registration departure(String id, String at, Region region, String city) {
        return registration(id, at, "P" + id, RegistrationKind.DEREGISTRATION, region, city, null);
    }

    @Test
    void aDayIsWrittenAtItsEndWhenTheWatermarkGetsThere() throws Exception {
        send(
                arrival("r2", "2026-03-01T10:00", Region.KZ_71, "ASTANA"),
                arrival("r1", "2026-03-01T09:00", Region.KZ_71, "Astana"),
                departure("r3", "2026-03-01T12:00", Region.KZ_71, "astana"),
                entry("c1", "2026-03-01T08:00", "P1", "KAZ"),
                entry("c2", "2026-03-01T08:30", "P2", "UZB"));

        harness.processWatermark(endMillisOf("2026-03-01") - 1);
        assertThat(rows()).isEmpty();

        harness.processWatermark(endMillisOf("2026-03-01"));
        assertThat(rows())
                .extracting(r -> r.region().code() + "|" + r.city())
                .containsExactlyInAnyOrder(
                        "KZ-71|null", "KZ-71|Astana", "KZ-61|null", "KZ-61|Saryagash");
        FlowStats astana =
                rows().stream().filter(r -> "Astana".equals(r.city())).findFirst().orElseThrow();
        assertThat(astana.date()).isEqualTo(LocalDate.parse("2026-03-01"));
        assertThat(astana.residenceArrivals()).isEqualTo(2);
        assertThat(astana.residenceDepartures()).isEqualTo(1);
        assertThat(astana.netInflow()).isEqualTo(1);
        assertThat(astana.netInflow7d()).isEqualTo(1);
        assertThat(astana.netInflow30d()).isEqualTo(1);
        assertThat(astana.entries()).isZero();
        FlowStats checkpoint =
                rows().stream()
                        .filter(r -> r.region() == Region.KZ_61 && r.city() == null)
                        .findFirst()
                        .orElseThrow();
        assertThat(checkpoint.entries()).isEqualTo(2);
        assertThat(checkpoint.entriesByGroup()).isEqualTo(new GroupCounts(1, 1, 0));
        assertThat(checkpoint.exitsByGroup()).isEqualTo(GroupCounts.ZERO);
        // Crossings do not enter the net inflow.
        assertThat(checkpoint.netInflow()).isZero();
        // Rows go to the side output; no surge yet (net 1 against a threshold of 2).
        assertThat(harness.extractOutputValues()).isEmpty();

        send(arrival("r4", "2026-03-03T10:00", Region.KZ_71, "Astana"));
        harness.processWatermark(endMillisOf("2026-03-03"));
        assertThat(rowsOf("2026-03-03"))
                .filteredOn(r -> r.region() == Region.KZ_71)
                .extracting(
                        r ->
                                r.city()
                                        + " "
                                        + r.netInflow()
                                        + " "
                                        + r.netInflow7d()
                                        + " "
                                        + r.netInflow30d())
                .containsExactlyInAnyOrder("null 1 2 2", "Astana 1 2 2");
    }

    @Test
    void anInflowSurgeIsRaisedOnceAndAgainOnlyAfterFallingBack() throws Exception {
        send(
                arrival("r1", "2026-03-01T09:00", Region.KZ_71, "Astana"),
                arrival("r2", "2026-03-01T10:00", Region.KZ_71, "Astana"),
                arrival("r3", "2026-03-01T11:00", Region.KZ_71, "Astana"));

        harness.processWatermark(endMillisOf("2026-03-01"));
        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.type()).isEqualTo(AlertType.INFLOW_SURGE);
                            assertThat(a.severity()).isEqualTo(Severity.WARNING);
                            assertThat(a.audience()).isEqualTo(Audience.PLANNING);
                            assertThat(a.raisedAt()).isEqualTo(endOf("2026-03-01"));
                            assertThat(a.region()).isEqualTo(Region.KZ_71);
                            // Cities have no threshold unless a record sets one.
                            assertThat(a.city()).isNull();
                            assertThat(a.subjectRef()).isNull();
                            assertThat(a.details(AlertDetails.Inflow.class).netInflow7d())
                                    .isEqualTo(3);
                            assertThat(a.details(AlertDetails.Inflow.class).threshold())
                                    .isEqualTo(2);
                        });

        // Still above through 7 March: no repeat. 8 March, quiet, falls back to 0 and re-arms.
        harness.processWatermark(endMillisOf("2026-03-09"));
        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(harness.numEventTimeTimers()).isZero();

        send(
                arrival("r4", "2026-03-10T09:00", Region.KZ_71, null),
                arrival("r5", "2026-03-10T10:00", Region.KZ_71, null),
                arrival("r6", "2026-03-10T11:00", Region.KZ_71, null));
        harness.processWatermark(endMillisOf("2026-03-10"));
        assertThat(harness.extractOutputValues())
                .extracting(Alert::raisedAt)
                .containsExactly(endOf("2026-03-01"), endOf("2026-03-10"));
    }

    @Test
    void aQuietDayIsEvaluatedToo() throws Exception {
        send(
                threshold("t1", "2026-02-01T00:00", Region.KZ_75, 5),
                arrival("r1", "2026-03-01T09:00", Region.KZ_75, null),
                arrival("r2", "2026-03-01T10:00", Region.KZ_75, null),
                arrival("r3", "2026-03-01T11:00", Region.KZ_75, null),
                // Lowered on quiet 3 March: the 7-day inflow of 3 now exceeds it.
                threshold("t2", "2026-03-03T12:00", Region.KZ_75, 2));

        harness.processWatermark(endMillisOf("2026-03-02"));
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(endMillisOf("2026-03-03"));
        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.raisedAt()).isEqualTo(endOf("2026-03-03"));
                            assertThat(a.details(AlertDetails.Inflow.class).netInflow7d())
                                    .isEqualTo(3);
                            assertThat(a.details(AlertDetails.Inflow.class).threshold())
                                    .isEqualTo(2);
                        });
        assertThat(rowsOf("2026-03-03")).isEmpty();
    }

    @Test
    void alertsNamingACityAreWrittenWithItsFirstSpelling() throws Exception {
        send(
                arrival("r2", "2026-03-02T10:00", Region.KZ_71, "ASTANA"),
                arrival("r1", "2026-03-01T09:00", Region.KZ_71, "Astana"));
        Alert overstay =
                Alert.builder(AlertType.OVERSTAY)
                        .severity(Severity.WARNING)
                        .raisedAt(at("2026-03-05T00:00"))
                        .subjectRef("ref")
                        .region(Region.KZ_71)
                        .city("astana")
                        .citizenship("UZB")
                        .details(new AlertDetails.Overstay(1))
                        .identity("ref|stay|1")
                        .build();
        send(PlaceInput.of(overstay));
        Alert elsewhere =
                Alert.builder(AlertType.OVERSTAY)
                        .severity(Severity.WARNING)
                        .raisedAt(at("2026-03-05T00:00"))
                        .subjectRef("ref")
                        .region(Region.KZ_75)
                        .city("ALMATY")
                        .citizenship("UZB")
                        .details(new AlertDetails.Overstay(1))
                        .identity("ref|stay|2")
                        .build();
        send(PlaceInput.of(elsewhere));

        harness.processWatermark(at("2026-03-05T00:00").toEpochMilli());

        assertThat(harness.extractOutputValues())
                .containsExactlyInAnyOrder(overstay.withCity("Astana"), elsewhere);
        assertThat(rows())
                .filteredOn(r -> r.city() != null)
                .extracting(FlowStats::city)
                .containsOnly("Astana");
    }
}
