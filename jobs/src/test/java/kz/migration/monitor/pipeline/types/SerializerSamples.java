package kz.migration.monitor.pipeline.types;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.AlertDetails;
import kz.migration.monitor.event.AlertType;
import kz.migration.monitor.event.Audience;
import kz.migration.monitor.event.BorderCrossing;
import kz.migration.monitor.event.CitizenshipGroup;
import kz.migration.monitor.event.DeadLetter;
import kz.migration.monitor.event.Direction;
import kz.migration.monitor.event.Employment;
import kz.migration.monitor.event.EmploymentKind;
import kz.migration.monitor.event.EntryBan;
import kz.migration.monitor.event.InflowThreshold;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.LabourShortage;
import kz.migration.monitor.event.PermitCategory;
import kz.migration.monitor.event.Program;
import kz.migration.monitor.event.Purpose;
import kz.migration.monitor.event.QuotaLimit;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.Registration;
import kz.migration.monitor.event.RegistrationKind;
import kz.migration.monitor.event.Sector;
import kz.migration.monitor.event.Severity;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.flows.PlaceEvent;
import kz.migration.monitor.flows.PlaceInput;
import kz.migration.monitor.pipeline.IngestedRecord;

/**
 * Values for the serializer tests: every {@link InputEvent} record type with every nullable field
 * null and with every field set, edge values of each field type, and every constant of every enum
 * the events hold (their ordinals are the serialized form); alert details, alerts and the place
 * ledger's inputs likewise.
 *
 * <p>The resources of {@link SerializerUpgradeTest} were written from these values: a change here
 * is a change of those resources (see {@link SerializerResources}).
 */
final class SerializerSamples {

    private SerializerSamples() {}

    private static final Instant AT = Instant.parse("2026-03-01T05:00:00.123456789Z");
    private static final LocalDate UNTIL = LocalDate.parse("2026-12-31");

    static InputEvent[] inputEvents() {
        List<InputEvent> events = new ArrayList<>();
        // Every nullable field null (primitives at zero).
        events.add(new BorderCrossing(null, null, null, null, null, null, null, null, null, null));
        events.add(
                new Registration(null, null, null, null, null, null, null, null, null, null, null));
        events.add(
                new Employment(
                        null, null, null, null, null, null, null, null, null, null, null, null));
        events.add(new QuotaLimit(null, null, 0, null, null, 0));
        events.add(new InflowThreshold(null, null, null, null, 0));
        // Every field set, with text outside ASCII and the extremes of the numeric fields.
        events.add(
                new BorderCrossing(
                        "b-1",
                        AT,
                        "P-000001",
                        "UZB",
                        Direction.ENTRY,
                        "ZHIBEK-ZHOLY",
                        Region.KZ_61,
                        "Сарыағаш",
                        Purpose.WORK,
                        UNTIL));
        events.add(
                new Registration(
                        "r-1",
                        AT,
                        "P-000002",
                        "KAZ",
                        RegistrationKind.RESIDENCE_CHANGE,
                        Region.KZ_59,
                        "Petropavl",
                        Region.KZ_61,
                        "Түркістан",
                        UNTIL,
                        Program.RESETTLEMENT));
        events.add(
                new Employment(
                        "e-1",
                        AT,
                        "P-000003",
                        "CHN",
                        EmploymentKind.PERMIT_ISSUED,
                        Region.KZ_23,
                        "Atyrau",
                        "W-1",
                        PermitCategory.CAT3,
                        UNTIL,
                        Sector.MINING,
                        "BIN-123456789012"));
        events.add(
                new QuotaLimit(
                        "q-1", AT, 2026, Region.KZ_23, PermitCategory.SEASONAL, Long.MAX_VALUE));
        events.add(new InflowThreshold("t-1", AT, Region.KZ_71, "Astana", Long.MIN_VALUE));
        // Empty strings are not null; instants and dates far from today.
        events.add(
                new BorderCrossing(
                        "",
                        Instant.ofEpochSecond(-62_135_596_800L, 1),
                        "",
                        "",
                        Direction.EXIT,
                        "",
                        Region.KZ_33,
                        "",
                        Purpose.OTHER,
                        LocalDate.MIN));
        events.add(
                new QuotaLimit(
                        "",
                        Instant.ofEpochSecond(253_402_300_799L, 999_999_999),
                        -1,
                        null,
                        null,
                        -1));
        events.add(new InflowThreshold("t-2", AT, Region.KZ_75, null, 0));
        events.add(
                new Registration(
                        "r-2",
                        AT,
                        "P-000004",
                        "UZB",
                        RegistrationKind.TEMPORARY_RESIDENCE,
                        Region.KZ_71,
                        null,
                        null,
                        null,
                        LocalDate.MAX,
                        null));
        events.add(new EntryBan(null, null, null, null, null));
        events.add(new EntryBan("b-1", AT, "P-000005", UNTIL, "AFG"));
        events.add(new LabourShortage(null, null, 0, null, null, false));
        events.add(new LabourShortage("s-1", AT, 2026, Region.KZ_63, Sector.HEALTH, true));
        for (Sector sector : Sector.values()) {
            events.add(
                    new LabourShortage(
                            "s-" + sector, AT, Integer.MIN_VALUE, Region.KZ_10, sector, false));
        }
        events.addAll(everyEnumConstant());
        return events.toArray(InputEvent[]::new);
    }

    /**
     * Events that between them hold every constant of every enum, in every enum field: the i-th
     * event holds constant {@code i mod n} of each field's enum.
     */
    private static List<InputEvent> everyEnumConstant() {
        Region[] regions = Region.values();
        Direction[] directions = Direction.values();
        Purpose[] purposes = Purpose.values();
        RegistrationKind[] registrationKinds = RegistrationKind.values();
        Program[] programs = Program.values();
        EmploymentKind[] employmentKinds = EmploymentKind.values();
        PermitCategory[] categories = PermitCategory.values();
        Sector[] sectors = Sector.values();
        List<InputEvent> events = new ArrayList<>();
        for (int i = 0; i < regions.length; i++) {
            Instant at = AT.plusSeconds(i);
            String id = "enum-" + i;
            Region region = regions[i];
            Region other = regions[(i + 1) % regions.length];
            events.add(
                    new BorderCrossing(
                            id,
                            at,
                            "P-" + i,
                            "TJK",
                            directions[i % directions.length],
                            "CP-" + i,
                            region,
                            "city-" + i,
                            purposes[i % purposes.length],
                            UNTIL.plusDays(i)));
            events.add(
                    new Registration(
                            id,
                            at,
                            "P-" + i,
                            "KGZ",
                            registrationKinds[i % registrationKinds.length],
                            region,
                            "city-" + i,
                            other,
                            "previous-" + i,
                            UNTIL.minusDays(i),
                            programs[i % programs.length]));
            events.add(
                    new Employment(
                            id,
                            at,
                            "P-" + i,
                            "IND",
                            employmentKinds[i % employmentKinds.length],
                            region,
                            "city-" + i,
                            "W-" + i,
                            categories[i % categories.length],
                            UNTIL,
                            sectors[i % sectors.length],
                            "employer-" + i));
            events.add(
                    new QuotaLimit(
                            id, at, 2026 + i, region, categories[i % categories.length], 100L * i));
            events.add(new InflowThreshold(id, at, region, "city-" + i, 10L * i));
        }
        return events;
    }

    /** Every variant of the alert details, with edge values. */
    static AlertDetails[] alertDetails() {
        return new AlertDetails[] {
            AlertDetails.NONE,
            new AlertDetails.Overstay(1),
            new AlertDetails.Overstay(Integer.MAX_VALUE),
            new AlertDetails.Quota(2026, "CAT1", 100, 91, "W-1"),
            new AlertDetails.Quota(Integer.MIN_VALUE, "ALL", Long.MAX_VALUE, 0, null),
            new AlertDetails.Contract(Program.KANDAS, Region.KZ_59, Region.KZ_75, 14, false),
            new AlertDetails.Contract(Program.RESETTLEMENT, Region.KZ_11, null, 0, true),
            new AlertDetails.Inflow(2001, 2000),
            new AlertDetails.Ban(LocalDate.parse("2031-03-01")),
            new AlertDetails.Ban(null),
            new AlertDetails.Shortage(2026, Sector.IT, "W-2"),
            new AlertDetails.Shortage(2026, null, "")
        };
    }

    static IngestedRecord[] ingestedRecords() {
        InputEvent[] events = inputEvents();
        String payload = "{\"eventId\":\"b-1\",\"city\":\"Сарыағаш\"}";
        DeadLetter full =
                new DeadLetter(
                        "border-crossings",
                        "occurredAt",
                        "occurredAt: no offset",
                        "{\"eventId\":\"bad\"}",
                        AT);
        DeadLetter empty = new DeadLetter(null, null, null, null, null);
        List<IngestedRecord> records = new ArrayList<>();
        records.add(new IngestedRecord(null, null, null));
        records.add(new IngestedRecord(null, null, ""));
        records.add(new IngestedRecord(null, full, full.payload()));
        records.add(new IngestedRecord(null, empty, null));
        records.add(new IngestedRecord(null, full, "not json at all"));
        for (InputEvent e : events) {
            records.add(new IngestedRecord(e, null, payload));
        }
        records.add(new IngestedRecord(events[0], null, null));
        // Not made by the parsers, but the format holds it.
        records.add(new IngestedRecord(events[5], full, payload));
        return records.toArray(IngestedRecord[]::new);
    }

    /** Alerts with every field null and with every field set, one of each type and severity. */
    static Alert[] alerts() {
        List<Alert> alerts = new ArrayList<>();
        alerts.add(new Alert(null, null, null, null, null, null, null, null, null, null));
        AlertDetails[] details = alertDetails();
        AlertType[] types = AlertType.values();
        for (int i = 0; i < types.length; i++) {
            alerts.add(
                    new Alert(
                            "a-" + i,
                            types[i],
                            Severity.values()[i % Severity.values().length],
                            Audience.values()[i % Audience.values().length],
                            AT.plusSeconds(i),
                            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                            Region.values()[i % Region.values().length],
                            i % 2 == 0 ? "Сарыағаш" : null,
                            i % 3 == 0 ? null : "UZB",
                            details[i % details.length]));
        }
        return alerts.toArray(Alert[]::new);
    }

    /** What a place's ledger reads: an event's counts, a threshold, an alert, and none. */
    static PlaceInput[] placeInputs() {
        List<PlaceInput> inputs = new ArrayList<>();
        inputs.add(new PlaceInput(null, null, null));
        inputs.add(
                PlaceInput.of(
                        new PlaceEvent(null, null, null, null, null, null, 0, 0, 0, 0, 0, 0)));
        SourceStream[] streams = SourceStream.values();
        CitizenshipGroup[] groups = CitizenshipGroup.values();
        for (int i = 0; i < Region.values().length; i++) {
            inputs.add(
                    PlaceInput.of(
                            new PlaceEvent(
                                    Region.values()[i],
                                    i % 2 == 0 ? "Түркістан" : null,
                                    streams[i % streams.length],
                                    "e-" + i,
                                    AT.plusSeconds(i),
                                    groups[i % groups.length],
                                    i,
                                    i + 1,
                                    Integer.MAX_VALUE,
                                    Integer.MIN_VALUE,
                                    -i,
                                    1)));
        }
        inputs.add(PlaceInput.of(new InflowThreshold(null, null, null, null, 0)));
        inputs.add(
                PlaceInput.of(
                        new InflowThreshold("t-1", AT, Region.KZ_71, "Astana", Long.MAX_VALUE)));
        for (Alert a : alerts()) {
            inputs.add(PlaceInput.of(a));
        }
        // Not made by the job, but the format holds it.
        inputs.add(
                new PlaceInput(
                        inputs.get(2).event(),
                        inputs.get(inputs.size() - 2).threshold(),
                        inputs.get(inputs.size() - 1).alert()));
        return inputs.toArray(PlaceInput[]::new);
    }
}
