package kz.migration.monitor.pipeline.types;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kz.migration.monitor.event.AlertDetails;
import kz.migration.monitor.event.BorderCrossing;
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
import kz.migration.monitor.pipeline.IngestedRecord;

/**
 * Values for the serializer tests: every {@link InputEvent} record type with every nullable field
 * null and with every field set, edge values of each field type, and every constant of every enum
 * the events hold (their ordinals are the serialized form).
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
}
