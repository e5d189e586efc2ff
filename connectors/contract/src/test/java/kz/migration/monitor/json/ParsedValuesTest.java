package kz.migration.monitor.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import kz.migration.monitor.event.BorderCrossing;
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
import kz.migration.monitor.event.SourceStream;
import org.junit.jupiter.api.Test;

/** The values a valid record parses to: what the operators downstream rely on. */
class ParsedValuesTest {

    private static final Instant RECEIVED_AT = Instant.parse("2026-03-05T12:00:00Z");

    private static final Pseudonymiser PSEUDONYMISER = new Pseudonymiser("parsed-values-key");

    @Test
    void borderCrossingCarriesEveryField() {
        BorderCrossing e =
                parse(
                        SourceStream.BORDER_CROSSINGS,
                        """
                        {"eventId": "bc-1", "occurredAt": "2026-03-01T15:15:00.123+05:00", "personId": "N1",
                         "citizenship": "UZB", "direction": "ENTRY", "checkpoint": "ZHIBEK-ZHOLY", "region": "KZ-61",
                         "city": "  Saryagash ", "purpose": "WORK", "permitUntil": "2026-06-01", "extra": {"x": 1}}
                        """);

        assertThat(e)
                .isEqualTo(
                        new BorderCrossing(
                                "bc-1",
                                Instant.parse("2026-03-01T10:15:00.123Z"),
                                ref("N1"),
                                "UZB",
                                Direction.ENTRY,
                                "ZHIBEK-ZHOLY",
                                Region.KZ_61,
                                "Saryagash",
                                Purpose.WORK,
                                LocalDate.of(2026, 6, 1)));
    }

    @Test
    void blankCityAndNullOptionalsAreAbsent() {
        BorderCrossing e =
                parse(
                        SourceStream.BORDER_CROSSINGS,
                        """
                        {"eventId": "bc-1", "occurredAt": "2026-03-01T10:15:00Z", "personId": "N1", "citizenship": "KAZ",
                         "direction": "EXIT", "checkpoint": "C", "region": "KZ-75", "city": " \\t ", "purpose": null,
                         "permitUntil": null}
                        """);

        assertThat(e.city()).isNull();
        assertThat(e.purpose()).isNull();
        assertThat(e.permitUntil()).isNull();
    }

    @Test
    void offsetsParseToTheSameInstant() {
        String template =
                """
                {"eventId": "bc-1", "occurredAt": "%s", "personId": "N1", "citizenship": "KAZ",
                 "direction": "EXIT", "checkpoint": "C", "region": "KZ-75"}
                """;
        Instant utc = Instant.parse("2026-03-01T10:15:00Z");

        for (String at :
                new String[] {
                    "2026-03-01T10:15:00Z",
                    "2026-03-01T15:15:00+05:00",
                    "2026-03-01T15:15+05:00",
                    "2026-03-01T15:15:00+05",
                    "2026-03-01T05:15:00-05:00",
                    "2026-03-01T10:15:00.000000000Z"
                }) {
            BorderCrossing e = parse(SourceStream.BORDER_CROSSINGS, template.formatted(at));
            assertThat(e.occurredAt()).as(at).isEqualTo(utc);
        }
    }

    @Test
    void registrationCarriesEveryField() {
        Registration e =
                parse(
                        SourceStream.REGISTRATIONS,
                        """
                        {"eventId": "rg-1", "occurredAt": "2026-03-01T20:00:00Z", "personId": "870412300123",
                         "citizenship": "UZB", "kind": "RESIDENCE_CHANGE", "region": "KZ-71", "city": " Astana",
                         "previousRegion": "KZ-61", "previousCity": "Turkistan  ", "validUntil": "2026-03-02",
                         "program": "RESETTLEMENT"}
                        """);

        assertThat(e)
                .isEqualTo(
                        new Registration(
                                "rg-1",
                                Instant.parse("2026-03-01T20:00:00Z"),
                                ref("870412300123"),
                                "UZB",
                                RegistrationKind.RESIDENCE_CHANGE,
                                Region.KZ_71,
                                "Astana",
                                Region.KZ_61,
                                "Turkistan",
                                LocalDate.of(2026, 3, 2),
                                Program.RESETTLEMENT));
    }

    @Test
    void employmentCarriesEveryField() {
        Employment e =
                parse(
                        SourceStream.EMPLOYMENT,
                        """
                        {"eventId": "em-1", "occurredAt": "2026-03-01T10:15:00Z", "personId": "FA1", "citizenship": "TJK",
                         "kind": "PERMIT_ISSUED", "region": "KZ-75", "city": "", "permitId": "WP-1", "category": "SEASONAL",
                         "permitUntil": "2026-12-31", "sector": "AGRICULTURE", "employerId": "E-7"}
                        """);

        assertThat(e)
                .isEqualTo(
                        new Employment(
                                "em-1",
                                Instant.parse("2026-03-01T10:15:00Z"),
                                ref("FA1"),
                                "TJK",
                                EmploymentKind.PERMIT_ISSUED,
                                Region.KZ_75,
                                null,
                                "WP-1",
                                PermitCategory.SEASONAL,
                                LocalDate.of(2026, 12, 31),
                                Sector.AGRICULTURE,
                                "E-7"));
    }

    @Test
    void quotaForAllHasNoCategory() {
        QuotaLimit q =
                parse(
                        SourceStream.REFERENCE_DATA,
                        """
                        {"occurredAt": "2026-01-01T00:00:00+05:00", "kind": "QUOTA", "year": 2026, "region": "KZ-75",
                         "category": "ALL", "limit": 0}
                        """);

        assertThat(q.category()).isNull();
        assertThat(q.categoryName()).isEqualTo("ALL");
        assertThat(q.identity()).isEqualTo("QUOTA|2026|KZ-75|ALL");
        assertThat(q.limit()).isZero();
        assertThat(q.year()).isEqualTo(2026);
        assertThat(q.occurredAt()).isEqualTo(Instant.parse("2025-12-31T19:00:00Z"));
        assertThat(q.eventId()).isNull();
        assertThat(q.subjectRef()).isNull();
    }

    @Test
    void quotaForACategoryKeepsIt() {
        QuotaLimit q =
                parse(
                        SourceStream.REFERENCE_DATA,
                        """
                        {"eventId": "rd-1", "occurredAt": "2026-01-01T00:00:00Z", "kind": "QUOTA", "year": 2026,
                         "region": "KZ-71", "category": "CAT2", "limit": 1500}
                        """);

        assertThat(q.category()).isEqualTo(PermitCategory.CAT2);
        assertThat(q.categoryName()).isEqualTo("CAT2");
        assertThat(q.identity()).isEqualTo("QUOTA|2026|KZ-71|CAT2");
        assertThat(q.eventId()).isEqualTo("rd-1");
        assertThat(q.value()).isEqualTo(1500);
    }

    @Test
    void inflowThresholdCityIsTrimmedAndBlankMeansTheRegion() {
        InflowThreshold city =
                parse(
                        SourceStream.REFERENCE_DATA,
                        """
                        {"occurredAt": "2026-01-01T00:00:00Z", "kind": "INFLOW_THRESHOLD", "region": "KZ-11",
                         "city": " Kosshy ", "netInflow7d": 1}
                        """);
        InflowThreshold region =
                parse(
                        SourceStream.REFERENCE_DATA,
                        """
                        {"occurredAt": "2026-01-01T00:00:00Z", "kind": "INFLOW_THRESHOLD", "region": "KZ-11",
                         "city": "   ", "netInflow7d": 300}
                        """);

        assertThat(city.city()).isEqualTo("Kosshy");
        assertThat(city.netInflow7d()).isEqualTo(1);
        assertThat(city.identity()).isEqualTo("INFLOW_THRESHOLD|KZ-11|kosshy");
        assertThat(region.city()).isNull();
        assertThat(region.identity()).isEqualTo("INFLOW_THRESHOLD|KZ-11|");
    }

    @Test
    void entryBanKeepsItsPersonApartFromTheEventsOfPeople() {
        EntryBan ban =
                parse(
                        SourceStream.REFERENCE_DATA,
                        """
                        {"eventId": "rd-7", "occurredAt": "2026-03-01T10:00:00+05:00", "kind": "ENTRY_BAN",
                         "personId": "N1234567", "until": "2031-02-28", "citizenship": "UZB"}
                        """);
        EntryBan lifting =
                parse(
                        SourceStream.REFERENCE_DATA,
                        """
                        {"occurredAt": "2026-03-01T10:00:00+05:00", "kind": "ENTRY_BAN",
                         "personId": "N1234567", "until": "2026-02-28"}
                        """);

        assertThat(ban.bannedSubjectRef()).isEqualTo(ref("N1234567"));
        assertThat(ban.until()).isEqualTo(LocalDate.of(2031, 2, 28));
        assertThat(ban.bannedCitizenship()).isEqualTo("UZB");
        assertThat(ban.identity()).isEqualTo("ENTRY_BAN|" + ref("N1234567"));
        assertThat(ban.eventId()).isEqualTo("rd-7");
        // reference data reach no operator that follows people
        assertThat(ban.subjectRef()).isNull();
        assertThat(ban.citizenship()).isNull();
        assertThat(ban.bansOn(LocalDate.of(2031, 2, 28))).isTrue();
        assertThat(ban.bansOn(LocalDate.of(2031, 3, 1))).isFalse();
        assertThat(lifting.bannedCitizenship()).isNull();
        assertThat(lifting.bansOn(LocalDate.of(2026, 3, 1))).isFalse();
        assertThat(lifting.value()).isLessThan(ban.value());
    }

    @Test
    void shortageRecordCarriesItsSectorAndWhetherItIsOpen() {
        LabourShortage open =
                parse(
                        SourceStream.REFERENCE_DATA,
                        """
                        {"occurredAt": "2026-01-01T00:00:00+05:00", "kind": "SHORTAGE", "year": 2026,
                         "region": "KZ-75", "sector": "IT", "open": true}
                        """);
        LabourShortage closed =
                parse(
                        SourceStream.REFERENCE_DATA,
                        """
                        {"occurredAt": "2026-01-01T00:00:00+05:00", "kind": "SHORTAGE", "year": 2027,
                         "region": "KZ-75", "sector": "OTHER", "open": false}
                        """);

        assertThat(open.year()).isEqualTo(2026);
        assertThat(open.region()).isEqualTo(Region.KZ_75);
        assertThat(open.sector()).isEqualTo(Sector.IT);
        assertThat(open.open()).isTrue();
        assertThat(open.identity()).isEqualTo("SHORTAGE|2026|KZ-75|IT");
        assertThat(closed.open()).isFalse();
        assertThat(closed.identity()).isEqualTo("SHORTAGE|2027|KZ-75|OTHER");
        assertThat(closed.value()).isLessThan(open.value());
    }

    /** The subjectRef the parser puts in place of a personId. */
    private static String ref(String personId) {
        return PSEUDONYMISER.subjectRef(personId);
    }

    @SuppressWarnings("unchecked")
    private static <T extends InputEvent> T parse(SourceStream stream, String json) {
        Parsed<? extends InputEvent> parsed =
                InputParser.of(stream, PSEUDONYMISER).parse(json, RECEIVED_AT);
        assertThat(parsed.deadLetter()).as("dead letter").isNull();
        return (T) parsed.event();
    }
}
