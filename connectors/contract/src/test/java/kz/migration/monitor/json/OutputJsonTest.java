package kz.migration.monitor.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.AlertDetails;
import kz.migration.monitor.event.AlertType;
import kz.migration.monitor.event.CitizenshipGroup;
import kz.migration.monitor.event.DeadLetter;
import kz.migration.monitor.event.FlowMatrixRow;
import kz.migration.monitor.event.FlowStats;
import kz.migration.monitor.event.GroupCounts;
import kz.migration.monitor.event.Program;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.Sector;
import kz.migration.monitor.event.Severity;
import org.junit.jupiter.api.Test;

/** The output records have exactly the contract's fields, spelled and typed as it says. */
class OutputJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant RAISED =
            OffsetDateTime.parse("2026-03-01T15:15:00+05:00").toInstant();
    private static final String SUBJECT =
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    private static final List<String> ALERT_FIELDS =
            List.of(
                    "alertId",
                    "type",
                    "severity",
                    "audience",
                    "raisedAt",
                    "subjectRef",
                    "region",
                    "city",
                    "citizenship",
                    "details");

    private static final List<String> FLOW_STATS_FIELDS =
            List.of(
                    "date",
                    "region",
                    "city",
                    "entries",
                    "exits",
                    "entriesByGroup",
                    "exitsByGroup",
                    "residenceArrivals",
                    "residenceDepartures",
                    "netInflow",
                    "netInflow7d",
                    "netInflow30d",
                    "permitsIssued",
                    "hires");

    @Test
    void overstayAlertHasTheContractFieldsAndOnlyItsFigure() throws Exception {
        Alert a =
                Alert.builder(AlertType.OVERSTAY)
                        .severity(Severity.MAJOR)
                        .raisedAt(RAISED)
                        .subjectRef(SUBJECT)
                        .region(Region.KZ_75)
                        .city("Almaty")
                        .citizenship("UZB")
                        .details(new AlertDetails.Overstay(4))
                        .identity("subject|stay|4")
                        .build();

        JsonNode json = MAPPER.readTree(OutputJson.alert(a));

        assertThat(names(json)).containsExactlyElementsOf(ALERT_FIELDS);
        assertThat(json.get("alertId").textValue()).isEqualTo(a.alertId());
        assertThat(json.get("type").textValue()).isEqualTo("OVERSTAY");
        assertThat(json.get("severity").textValue()).isEqualTo("MAJOR");
        assertThat(json.get("audience").textValue()).isEqualTo("SECURITY");
        assertThat(json.get("raisedAt").textValue()).isEqualTo("2026-03-01T10:15:00Z");
        assertThat(json.get("subjectRef").textValue()).isEqualTo(SUBJECT);
        assertThat(json.get("region").textValue()).isEqualTo("KZ-75");
        assertThat(json.get("city").textValue()).isEqualTo("Almaty");
        assertThat(json.get("citizenship").textValue()).isEqualTo("UZB");
        assertThat(names(json.get("details"))).containsExactly("overstayDays");
        assertThat(json.get("details").get("overstayDays").isIntegralNumber()).isTrue();
        assertThat(json.get("details").get("overstayDays").intValue()).isEqualTo(4);
    }

    @Test
    void contractBreachOfADeregistrationHasNoNewRegionAndReturnedFalse() throws Exception {
        Alert a =
                Alert.builder(AlertType.CONTRACT_BREACH)
                        .raisedAt(RAISED)
                        .subjectRef(SUBJECT)
                        .region(Region.KZ_59)
                        .citizenship("UZB")
                        .details(
                                new AlertDetails.Contract(
                                        Program.KANDAS, Region.KZ_59, null, 14, false))
                        .identity("contract")
                        .build();

        JsonNode json = MAPPER.readTree(OutputJson.alert(a));

        assertThat(names(json)).containsExactlyElementsOf(ALERT_FIELDS);
        assertThat(json.get("severity").textValue()).isEqualTo("INFO");
        assertThat(json.get("audience").textValue()).isEqualTo("PLANNING");
        assertThat(json.get("city").isNull()).isTrue();
        JsonNode details = json.get("details");
        assertThat(names(details))
                .containsExactlyInAnyOrder("program", "hostRegion", "months", "returned");
        assertThat(details.get("program").textValue()).isEqualTo("KANDAS");
        assertThat(details.get("hostRegion").textValue()).isEqualTo("KZ-59");
        assertThat(details.get("months").intValue()).isEqualTo(14);
        assertThat(details.get("returned").isBoolean()).isTrue();
        assertThat(details.get("returned").booleanValue()).isFalse();
    }

    @Test
    void contractBreachOfAMoveNamesTheNewRegion() throws Exception {
        Alert a =
                Alert.builder(AlertType.CONTRACT_BREACH)
                        .raisedAt(RAISED)
                        .subjectRef(SUBJECT)
                        .region(Region.KZ_59)
                        .citizenship("UZB")
                        .details(
                                new AlertDetails.Contract(
                                        Program.RESETTLEMENT, Region.KZ_59, Region.KZ_61, 3, true))
                        .identity("move")
                        .build();

        JsonNode details = MAPPER.readTree(OutputJson.alert(a)).get("details");

        assertThat(names(details))
                .containsExactlyInAnyOrder(
                        "program", "hostRegion", "newRegion", "months", "returned");
        assertThat(details.get("newRegion").textValue()).isEqualTo("KZ-61");
        assertThat(details.get("returned").booleanValue()).isTrue();
    }

    @Test
    void quotaAlertsCarryQuotaFiguresAndNoPerson() throws Exception {
        Alert warning =
                Alert.builder(AlertType.QUOTA_WARNING)
                        .raisedAt(RAISED)
                        .region(Region.KZ_75)
                        .details(new AlertDetails.Quota(2026, "ALL", 100, 90, null))
                        .identity("warn")
                        .build();
        Alert breach =
                Alert.builder(AlertType.QUOTA_BREACH)
                        .raisedAt(RAISED)
                        .subjectRef(SUBJECT)
                        .region(Region.KZ_75)
                        .citizenship("TJK")
                        .details(new AlertDetails.Quota(2026, "CAT3", 100, 101, "WP-1"))
                        .identity("breach")
                        .build();

        JsonNode w = MAPPER.readTree(OutputJson.alert(warning));
        JsonNode b = MAPPER.readTree(OutputJson.alert(breach));

        assertThat(names(w)).containsExactlyElementsOf(ALERT_FIELDS);
        assertThat(w.get("subjectRef").isNull()).isTrue();
        assertThat(w.get("citizenship").isNull()).isTrue();
        assertThat(w.get("severity").textValue()).isEqualTo("WARNING");
        assertThat(w.get("audience").textValue()).isEqualTo("DUTY_OFFICER");
        assertThat(names(w.get("details")))
                .containsExactlyInAnyOrder("year", "category", "limit", "utilisation");
        assertThat(b.get("severity").textValue()).isEqualTo("MAJOR");
        assertThat(b.get("audience").textValue()).isEqualTo("SECURITY");
        assertThat(names(b.get("details")))
                .containsExactlyInAnyOrder("year", "category", "limit", "utilisation", "permitId");
        assertThat(b.get("details").get("permitId").textValue()).isEqualTo("WP-1");
        assertThat(b.get("details").get("utilisation").longValue()).isEqualTo(101);
    }

    @Test
    void inflowSurgeCarriesItsFiguresAndNoPerson() throws Exception {
        Alert a =
                Alert.builder(AlertType.INFLOW_SURGE)
                        .raisedAt(RAISED)
                        .region(Region.KZ_71)
                        .city("Astana")
                        .details(new AlertDetails.Inflow(2_001, 2_000))
                        .identity("surge")
                        .build();

        JsonNode json = MAPPER.readTree(OutputJson.alert(a));

        assertThat(names(json)).containsExactlyElementsOf(ALERT_FIELDS);
        assertThat(json.get("subjectRef").isNull()).isTrue();
        assertThat(names(json.get("details")))
                .containsExactlyInAnyOrder("netInflow7d", "threshold");
        assertThat(json.get("details").get("netInflow7d").longValue()).isEqualTo(2_001);
        assertThat(json.get("details").get("threshold").longValue()).isEqualTo(2_000);
    }

    @Test
    void flowStatsRegionRowHasNullCityAndAllThreeGroups() throws Exception {
        FlowStats s =
                new FlowStats(
                        LocalDate.of(2026, 3, 1),
                        Region.KZ_71,
                        null,
                        3,
                        0,
                        GroupCounts.ZERO.plus(CitizenshipGroup.CIS, 3),
                        GroupCounts.ZERO,
                        2,
                        1,
                        1,
                        5,
                        -7,
                        0,
                        4);

        JsonNode json = MAPPER.readTree(OutputJson.flowStats(s));

        assertThat(names(json)).containsExactlyElementsOf(FLOW_STATS_FIELDS);
        assertThat(json.get("date").textValue()).isEqualTo("2026-03-01");
        assertThat(json.get("region").textValue()).isEqualTo("KZ-71");
        assertThat(json.get("city").isNull()).isTrue();
        assertThat(names(json.get("entriesByGroup")))
                .containsExactlyInAnyOrder("KAZ", "CIS", "OTHER");
        assertThat(json.get("entriesByGroup").get("CIS").longValue()).isEqualTo(3);
        assertThat(json.get("entriesByGroup").get("KAZ").longValue()).isZero();
        assertThat(names(json.get("exitsByGroup")))
                .containsExactlyInAnyOrder("KAZ", "CIS", "OTHER");
        for (String g : List.of("KAZ", "CIS", "OTHER")) {
            assertThat(json.get("exitsByGroup").get(g).isIntegralNumber()).isTrue();
            assertThat(json.get("exitsByGroup").get(g).longValue()).isZero();
        }
        assertThat(json.get("netInflow30d").longValue()).isEqualTo(-7);
        assertThat(json.get("hires").longValue()).isEqualTo(4);
    }

    @Test
    void flowStatsCityRowNamesTheCity() throws Exception {
        FlowStats s =
                new FlowStats(
                        LocalDate.of(2026, 3, 1),
                        Region.KZ_61,
                        "Saryagash",
                        1,
                        1,
                        GroupCounts.ZERO,
                        GroupCounts.ZERO,
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        0);

        JsonNode json = MAPPER.readTree(OutputJson.flowStats(s));

        assertThat(json.get("city").textValue()).isEqualTo("Saryagash");
        assertThat(s.key()).isEqualTo("2026-03-01|KZ-61|Saryagash");
    }

    @Test
    void flowMatrixRowHasTheContractFields() throws Exception {
        FlowMatrixRow r =
                new FlowMatrixRow(LocalDate.of(2026, 3, 1), Region.KZ_61, Region.KZ_71, 2);

        JsonNode json = MAPPER.readTree(OutputJson.flowMatrix(r));

        assertThat(names(json)).containsExactly("date", "fromRegion", "toRegion", "moves");
        assertThat(json.get("fromRegion").textValue()).isEqualTo("KZ-61");
        assertThat(json.get("toRegion").textValue()).isEqualTo("KZ-71");
        assertThat(json.get("moves").longValue()).isEqualTo(2);
    }

    @Test
    void deadLetterKeepsThePayloadAsAStringAndAnIsoInstant() throws Exception {
        String payload = "{\"eventId\": \"x\", \"purpose\": \"FOO\"}  ";
        DeadLetter d =
                new DeadLetter(
                        "border-crossings",
                        "purpose",
                        "purpose: \"FOO\" is not one of ...",
                        payload,
                        OffsetDateTime.parse("2026-03-05T17:00:00.5+05:00").toInstant());

        JsonNode json = MAPPER.readTree(OutputJson.deadLetter(d));

        assertThat(names(json)).containsExactly("source", "reason", "payload", "receivedAt");
        assertThat(json.get("source").textValue()).isEqualTo("border-crossings");
        assertThat(json.get("reason").textValue()).startsWith("purpose");
        assertThat(json.get("payload").isTextual()).isTrue();
        assertThat(json.get("payload").textValue()).isEqualTo(payload);
        assertThat(json.get("receivedAt").textValue()).isEqualTo("2026-03-05T12:00:00.500Z");
        assertThat(OffsetDateTime.parse(json.get("receivedAt").textValue()).toInstant())
                .isEqualTo(d.receivedAt());
    }

    @Test
    void bannedEntryIsCriticalForSecurityWithTheBansLastDay() throws Exception {
        Alert a =
                Alert.builder(AlertType.BANNED_ENTRY)
                        .raisedAt(RAISED)
                        .subjectRef(SUBJECT)
                        .region(Region.KZ_61)
                        .city("Saryagash")
                        .citizenship("KAZ")
                        .details(new AlertDetails.Ban(LocalDate.of(2031, 2, 28)))
                        .identity("ban")
                        .build();

        JsonNode json = MAPPER.readTree(OutputJson.alert(a));

        assertThat(names(json)).containsExactlyElementsOf(ALERT_FIELDS);
        assertThat(json.get("type").textValue()).isEqualTo("BANNED_ENTRY");
        assertThat(json.get("severity").textValue()).isEqualTo("CRITICAL");
        assertThat(json.get("audience").textValue()).isEqualTo("SECURITY");
        assertThat(json.get("citizenship").textValue()).isEqualTo("KAZ");
        assertThat(names(json.get("details"))).containsExactly("banUntil");
        assertThat(json.get("details").get("banUntil").textValue()).isEqualTo("2031-02-28");
    }

    @Test
    void permitOutsideTheShortageListNamesYearSectorAndPermitForTheDutyOfficer() throws Exception {
        Alert a =
                Alert.builder(AlertType.PERMIT_OUTSIDE_SHORTAGE)
                        .raisedAt(RAISED)
                        .subjectRef(SUBJECT)
                        .region(Region.KZ_75)
                        .city("Almaty")
                        .citizenship("TJK")
                        .details(new AlertDetails.Shortage(2026, Sector.OTHER, "WP-9"))
                        .identity("shortage")
                        .build();

        JsonNode json = MAPPER.readTree(OutputJson.alert(a));

        assertThat(names(json)).containsExactlyElementsOf(ALERT_FIELDS);
        assertThat(json.get("severity").textValue()).isEqualTo("WARNING");
        assertThat(json.get("audience").textValue()).isEqualTo("DUTY_OFFICER");
        assertThat(names(json.get("details"))).containsExactly("year", "sector", "permitId");
        assertThat(json.get("details").get("year").isIntegralNumber()).isTrue();
        assertThat(json.get("details").get("year").intValue()).isEqualTo(2026);
        assertThat(json.get("details").get("sector").textValue()).isEqualTo("OTHER");
        assertThat(json.get("details").get("permitId").textValue()).isEqualTo("WP-9");
    }

    @Test
    void unauthorisedEmploymentHasEmptyDetails() throws Exception {
        Alert a =
                Alert.builder(AlertType.UNAUTHORISED_EMPLOYMENT)
                        .raisedAt(RAISED)
                        .subjectRef(SUBJECT)
                        .region(Region.KZ_75)
                        .citizenship("CHN")
                        .identity("hire")
                        .build();

        JsonNode json = MAPPER.readTree(OutputJson.alert(a));

        assertThat(json.get("severity").textValue()).isEqualTo("MAJOR");
        assertThat(json.get("details").isObject()).isTrue();
        assertThat(json.get("details").isEmpty()).isTrue();
    }

    @Test
    void theBuilderRefusesAlertsOutsideTheContract() {
        Alert.Builder wrongDetails =
                Alert.builder(AlertType.OVERSTAY)
                        .severity(Severity.WARNING)
                        .raisedAt(RAISED)
                        .details(new AlertDetails.Inflow(3, 2))
                        .identity("x");
        Alert.Builder wrongSeverity =
                Alert.builder(AlertType.QUOTA_BREACH)
                        .severity(Severity.INFO)
                        .raisedAt(RAISED)
                        .details(new AlertDetails.Quota(2026, "ALL", 1, 2, "WP-1"))
                        .identity("x");
        Alert.Builder noSeverity =
                Alert.builder(AlertType.OVERSTAY_ENDED)
                        .raisedAt(RAISED)
                        .details(new AlertDetails.Overstay(2))
                        .identity("x");
        Alert.Builder noIdentity =
                Alert.builder(AlertType.INFLOW_SURGE)
                        .raisedAt(RAISED)
                        .details(new AlertDetails.Inflow(3, 2));

        assertThatThrownBy(wrongDetails::build).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(wrongSeverity::build).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(noSeverity::build).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(noIdentity::build).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void alertIdsAreStableForTheSameAlert() {
        Alert first =
                Alert.builder(AlertType.OVERSTAY)
                        .severity(Severity.WARNING)
                        .raisedAt(RAISED)
                        .subjectRef(SUBJECT)
                        .citizenship("IND")
                        .details(new AlertDetails.Overstay(1))
                        .identity("s|1")
                        .build();
        Alert again =
                Alert.builder(AlertType.OVERSTAY)
                        .severity(Severity.WARNING)
                        .raisedAt(RAISED)
                        .subjectRef(SUBJECT)
                        .citizenship("IND")
                        .details(new AlertDetails.Overstay(1))
                        .identity("s|1")
                        .build();
        Alert other =
                Alert.builder(AlertType.OVERSTAY)
                        .severity(Severity.WARNING)
                        .raisedAt(RAISED)
                        .subjectRef(SUBJECT)
                        .citizenship("IND")
                        .details(new AlertDetails.Overstay(1))
                        .identity("s|2")
                        .build();

        assertThat(again.alertId()).isEqualTo(first.alertId());
        assertThat(other.alertId()).isNotEqualTo(first.alertId());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
