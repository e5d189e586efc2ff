package kz.migration.monitor.flows;

import static kz.migration.monitor.SampleEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.AlertDetails;
import kz.migration.monitor.event.AlertType;
import kz.migration.monitor.event.BorderCrossing;
import kz.migration.monitor.event.Direction;
import kz.migration.monitor.event.Employment;
import kz.migration.monitor.event.EmploymentKind;
import kz.migration.monitor.event.FlowStats;
import kz.migration.monitor.event.InflowThreshold;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.KazakhstanTime;
import kz.migration.monitor.event.PermitCategory;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.Registration;
import kz.migration.monitor.event.RegistrationKind;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

/** BATCH replay's sums of place events, alone and in front of the place ledger. */
class PlaceEventCombinerTest {

    private static BorderCrossing crossing(
            String id, String at, String citizenship, Direction direction, String city) {
        return new BorderCrossing(
                id,
                at(at),
                "P-" + id,
                citizenship,
                direction,
                "ZHIBEK-ZHOLY",
                Region.KZ_61,
                city,
                null,
                null);
    }

    private static List<PlaceInput> placeInputs(InputEvent... events) {
        List<PlaceInput> inputs = new ArrayList<>();
        Collector<PlaceInput> c =
                new Collector<>() {
                    @Override
                    public void collect(PlaceInput record) {
                        inputs.add(record);
                    }

                    @Override
                    public void close() {}
                };
        for (InputEvent e : events) {
            new PlaceEvents().flatMap(e, c);
        }
        return inputs;
    }

    private static OneInputStreamOperatorTestHarness<PlaceInput, PlaceInput> combiner(int maxHeld)
            throws Exception {
        var h = new OneInputStreamOperatorTestHarness<>(new PlaceEventCombiner(maxHeld));
        h.open();
        return h;
    }

    private static void send(
            OneInputStreamOperatorTestHarness<PlaceInput, PlaceInput> h, List<PlaceInput> inputs)
            throws Exception {
        for (PlaceInput in : inputs) {
            h.processElement(in, in.at().toEpochMilli());
        }
    }

    private static int held(OneInputStreamOperatorTestHarness<PlaceInput, PlaceInput> h) {
        return ((PlaceEventCombiner) h.getOneInputOperator()).held();
    }

    private static List<StreamRecord<PlaceInput>> records(
            OneInputStreamOperatorTestHarness<PlaceInput, PlaceInput> h) {
        List<StreamRecord<PlaceInput>> out = new ArrayList<>();
        for (Object o : h.getOutput()) {
            if (o instanceof StreamRecord<?> r) {
                @SuppressWarnings("unchecked")
                StreamRecord<PlaceInput> p = (StreamRecord<PlaceInput>) r;
                out.add(p);
            }
        }
        return out;
    }

    @Test
    void crossingsOfAPlaceGroupAndDayAreSummedAtTheEarliestOfThem() throws Exception {
        try (var h = combiner(100)) {
            send(
                    h,
                    placeInputs(
                            crossing("c3", "2026-03-01T09:00", "KAZ", Direction.ENTRY, "Saryagash"),
                            crossing("c2", "2026-03-01T08:00", "KAZ", Direction.EXIT, "Saryagash"),
                            crossing("c1", "2026-03-01T08:00", "KAZ", Direction.ENTRY, "Saryagash"),
                            crossing("c4", "2026-03-01T07:00", "UZB", Direction.ENTRY, "Saryagash"),
                            crossing("c5", "2026-03-02T07:00", "KAZ", Direction.ENTRY, "Saryagash"),
                            crossing(
                                    "c6",
                                    "2026-03-01T23:00",
                                    "KAZ",
                                    Direction.ENTRY,
                                    "SARYAGASH")));
            // Sums wait for the end of the input.
            assertThat(records(h)).isEmpty();
            assertThat(held(h)).isEqualTo(7);

            h.endInput();

            List<String> sums =
                    records(h).stream()
                            .map(
                                    r -> {
                                        PlaceEvent e = r.getValue().event();
                                        return e.spelling()
                                                + " "
                                                + e.group()
                                                + " "
                                                + e.eventId()
                                                + " in "
                                                + e.entries()
                                                + " out "
                                                + e.exits()
                                                + " at "
                                                + (r.getTimestamp() == e.occurredAt().toEpochMilli()
                                                        ? e.occurredAt()
                                                        : "a timestamp not its own");
                                    })
                            .toList();
            // c1 and c2 share 08:00: c1 comes first by id, as the ledger orders them. SARYAGASH is
            // a spelling of its own, but its region's share is c1's.
            assertThat(sums)
                    .containsExactlyInAnyOrder(
                            "null KAZ c1 in 3 out 1 at " + at("2026-03-01T08:00"),
                            "Saryagash KAZ c1 in 2 out 1 at " + at("2026-03-01T08:00"),
                            "SARYAGASH KAZ c6 in 1 out 0 at " + at("2026-03-01T23:00"),
                            "null CIS c4 in 1 out 0 at " + at("2026-03-01T07:00"),
                            "Saryagash CIS c4 in 1 out 0 at " + at("2026-03-01T07:00"),
                            "null KAZ c5 in 1 out 0 at " + at("2026-03-02T07:00"),
                            "Saryagash KAZ c5 in 1 out 0 at " + at("2026-03-02T07:00"));
            assertThat(held(h)).isEqualTo(0);
        }
    }

    @Test
    void whatCountsNothingAndThresholdsAndAlertsPassOnAtOnce() throws Exception {
        try (var h = combiner(100)) {
            InflowThreshold t =
                    new InflowThreshold("t1", at("2026-03-01T06:00"), Region.KZ_71, "Astana", 5);
            Registration change =
                    new Registration(
                            "r1",
                            at("2026-03-01T10:00"),
                            "P1",
                            "UZB",
                            RegistrationKind.RESIDENCE_CHANGE,
                            Region.KZ_71,
                            "Astana",
                            Region.KZ_71,
                            "ASTANA",
                            null,
                            null);
            List<PlaceInput> inputs = new ArrayList<>(placeInputs(t, change));
            Alert alert =
                    Alert.builder(AlertType.INFLOW_SURGE)
                            .raisedAt(at("2026-03-01T12:00"))
                            .region(Region.KZ_71)
                            .city("astana")
                            .details(new AlertDetails.Inflow(9, 5))
                            .identity("x")
                            .build();
            inputs.add(PlaceInput.of(alert));
            send(h, inputs);

            // A move within one city counts nothing at any of its four places.
            assertThat(records(h)).extracting(StreamRecord::getValue).isEqualTo(inputs);
            assertThat(held(h)).isEqualTo(0);
        }
    }

    @Test
    void aShareBeyondTheLimitSendsTheHeldSumsFirst() throws Exception {
        try (var h = combiner(2)) {
            send(
                    h,
                    placeInputs(
                            crossing("c1", "2026-03-01T08:00", "KAZ", Direction.ENTRY, "Saryagash"),
                            crossing(
                                    "c2",
                                    "2026-03-01T09:00",
                                    "KAZ",
                                    Direction.ENTRY,
                                    "Saryagash")));
            assertThat(records(h)).isEmpty();

            send(h, placeInputs(crossing("c3", "2026-03-01T09:00", "UZB", Direction.ENTRY, null)));

            assertThat(records(h))
                    .extracting(r -> r.getValue().event().entries())
                    .containsExactly(2, 2);
            assertThat(held(h)).isEqualTo(1);
            h.endInput();
            assertThat(records(h)).hasSize(3);
        }
    }

    @Test
    void theLedgerWritesTheSameRowsAndAlertsFromSumsAsFromSingleEvents() throws Exception {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            List<PlaceInput> inputs = new ArrayList<>(placeInputs(randomEvents(random)));
            inputs.addAll(cityAlerts(random));
            List<PlaceInput> summed = new ArrayList<>();
            try (var h = combiner(1 + (int) seed * 3)) {
                send(h, inputs);
                h.endInput();
                records(h).forEach(r -> summed.add(r.getValue()));
            }
            assertThat(summed.size()).isLessThan(inputs.size());
            assertThat(ledger(summed)).as("seed %d", seed).isEqualTo(ledger(inputs));
        }
    }

    /** The place ledger's rows and alerts over {@code inputs}, in one order. */
    private static List<String> ledger(List<PlaceInput> inputs) throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<PlaceKey, PlaceInput, Alert> h =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new PlaceLedger(Map.of(Region.KZ_71, 3L, Region.KZ_61, 4L), Long.MAX_VALUE),
                        PlaceInput::placeKey,
                        PlaceKey.TYPE)) {
            for (PlaceInput in : inputs) {
                h.processElement(in, in.at().toEpochMilli());
            }
            h.processWatermark(Long.MAX_VALUE);
            List<String> out = new ArrayList<>();
            var rows = h.getSideOutput(PlaceLedger.FLOW_STATS);
            if (rows != null) {
                rows.stream()
                        .map(StreamRecord::getValue)
                        .sorted(
                                Comparator.comparing(FlowStats::date)
                                        .thenComparing(FlowStats::region)
                                        .thenComparing(
                                                FlowStats::city,
                                                Comparator.nullsFirst(Comparator.naturalOrder())))
                        .forEach(r -> out.add(r.toString()));
            }
            h.extractOutputValues().stream().map(Alert::toString).sorted().forEach(out::add);
            assertThat(out).isNotEmpty();
            return out;
        }
    }

    /** Alerts naming Astana, which the ledger writes as the city is spelled at their time. */
    private static List<PlaceInput> cityAlerts(Random r) {
        List<PlaceInput> alerts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            alerts.add(
                    PlaceInput.of(
                            Alert.builder(AlertType.UNAUTHORISED_EMPLOYMENT)
                                    .raisedAt(
                                            at("2026-03-01T00:00")
                                                    .plusSeconds(3600L * r.nextInt(72)))
                                    .region(Region.KZ_71)
                                    .city("ASTANA")
                                    .details(AlertDetails.NONE)
                                    .identity("a" + i)
                                    .build()));
        }
        return alerts;
    }

    /** Crossings, moves, permits and hires over three days, many at shared instants. */
    private static InputEvent[] randomEvents(Random r) {
        String[] astana = {"Astana", "ASTANA", "astana"};
        String[] saryagash = {"Saryagash", "SARYAGASH"};
        LocalDate day = LocalDate.parse("2026-03-01");
        List<InputEvent> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Instant when =
                    KazakhstanTime.startOf(day.plusDays(r.nextInt(3)))
                            .plusSeconds(3600L * r.nextInt(24) + 60L * r.nextInt(3));
            String id = "e" + r.nextInt(1_000_000);
            String cit = r.nextBoolean() ? "KAZ" : r.nextBoolean() ? "UZB" : "DEU";
            switch (r.nextInt(4)) {
                case 0, 1 ->
                        events.add(
                                new BorderCrossing(
                                        id,
                                        when,
                                        "P" + i,
                                        cit,
                                        r.nextBoolean() ? Direction.ENTRY : Direction.EXIT,
                                        "ZHIBEK-ZHOLY",
                                        Region.KZ_61,
                                        r.nextInt(5) == 0 ? null : saryagash[r.nextInt(2)],
                                        null,
                                        null));
                case 2 ->
                        events.add(
                                new Registration(
                                        id,
                                        when,
                                        "P" + i,
                                        cit,
                                        r.nextBoolean()
                                                ? RegistrationKind.TEMPORARY_RESIDENCE
                                                : RegistrationKind.DEREGISTRATION,
                                        Region.KZ_71,
                                        astana[r.nextInt(3)],
                                        null,
                                        null,
                                        null,
                                        null));
                default ->
                        events.add(
                                new Employment(
                                        id,
                                        when,
                                        "P" + i,
                                        cit,
                                        r.nextBoolean()
                                                ? EmploymentKind.PERMIT_ISSUED
                                                : EmploymentKind.HIRED,
                                        Region.KZ_71,
                                        astana[r.nextInt(3)],
                                        "W" + i,
                                        PermitCategory.values()[0],
                                        LocalDate.parse("2027-01-01"),
                                        null,
                                        null));
            }
        }
        events.add(new InflowThreshold("t1", at("2026-03-02T00:00"), Region.KZ_71, "aStAnA", 2));
        return events.toArray(InputEvent[]::new);
    }
}
