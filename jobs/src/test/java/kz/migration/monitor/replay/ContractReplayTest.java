package kz.migration.monitor.replay;

import static kz.migration.monitor.replay.ReplayEvents.registration;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract's relocation rule ({@code CONTRACT_BREACH}) through replay. */
class ContractReplayTest {

    @TempDir Path dir;

    private static String reg(
            String id,
            String at,
            String person,
            String kind,
            String region,
            String city,
            String previousRegion,
            String program) {
        return registration(
                id, at, person, "UZB", kind, region, city, previousRegion, null, program);
    }

    /** Who, when, and the planners' figures of a breach. */
    private static String breachLine(JsonNode a, Map<String, String> people) {
        JsonNode d = a.get("details");
        return people.get(a.get("subjectRef").asText())
                + " "
                + a.get("raisedAt").asText()
                + " region="
                + a.get("region").asText()
                + " "
                + d.get("program").asText()
                + " host="
                + d.get("hostRegion").asText()
                + " new="
                + (d.has("newRegion") ? d.get("newRegion").asText() : "-")
                + " months="
                + d.get("months").asInt()
                + " returned="
                + d.get("returned").asBoolean();
    }

    @Test
    void leavingTheHostRegionBeforeTheContractEndsIsABreach() {
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "registrations",
                                // C1: KANDAS in KZ-35; a move within KZ-35 is no breach; leaving
                                // for KZ-71 is.
                                reg(
                                        "c1a",
                                        "2026-01-15T10:00:00+05:00",
                                        "C1",
                                        "PERMANENT_RESIDENCE",
                                        "KZ-35",
                                        "Karaganda",
                                        null,
                                        "KANDAS"),
                                reg(
                                        "c1b",
                                        "2026-06-01T10:00:00+05:00",
                                        "C1",
                                        "RESIDENCE_CHANGE",
                                        "KZ-35",
                                        "Temirtau",
                                        "KZ-35",
                                        null),
                                reg(
                                        "c1c",
                                        "2027-03-14T10:00:00+05:00",
                                        "C1",
                                        "RESIDENCE_CHANGE",
                                        "KZ-71",
                                        "Astana",
                                        "KZ-35",
                                        null),
                                // the breach ended the contract: a further move raises nothing
                                reg(
                                        "c1d",
                                        "2027-05-01T10:00:00+05:00",
                                        "C1",
                                        "RESIDENCE_CHANGE",
                                        "KZ-75",
                                        null,
                                        "KZ-71",
                                        null),
                                // C2: RESETTLEMENT from KZ-61 to KZ-59, back to KZ-61: a return
                                reg(
                                        "c2a",
                                        "2026-02-01T10:00:00+05:00",
                                        "C2",
                                        "RESIDENCE_CHANGE",
                                        "KZ-59",
                                        null,
                                        "KZ-61",
                                        "RESETTLEMENT"),
                                reg(
                                        "c2b",
                                        "2026-08-31T10:00:00+05:00",
                                        "C2",
                                        "RESIDENCE_CHANGE",
                                        "KZ-61",
                                        null,
                                        "KZ-59",
                                        null),
                                // C3: same start, moves on to a third region: no return
                                reg(
                                        "c3a",
                                        "2026-02-01T10:00:00+05:00",
                                        "C3",
                                        "RESIDENCE_CHANGE",
                                        "KZ-59",
                                        null,
                                        "KZ-61",
                                        "RESETTLEMENT"),
                                reg(
                                        "c3b",
                                        "2026-09-01T10:00:00+05:00",
                                        "C3",
                                        "RESIDENCE_CHANGE",
                                        "KZ-35",
                                        null,
                                        "KZ-59",
                                        null),
                                // C6: KANDAS going back where they came from: returned only counts
                                // RESETTLEMENT
                                reg(
                                        "c6a",
                                        "2026-02-01T10:00:00+05:00",
                                        "C6",
                                        "RESIDENCE_CHANGE",
                                        "KZ-59",
                                        null,
                                        "KZ-61",
                                        "KANDAS"),
                                reg(
                                        "c6b",
                                        "2026-03-01T10:00:00+05:00",
                                        "C6",
                                        "RESIDENCE_CHANGE",
                                        "KZ-61",
                                        null,
                                        "KZ-59",
                                        null),
                                // C7: a later programme registration (KZ-75) replaces the KZ-71
                                // contract
                                reg(
                                        "c7a",
                                        "2026-01-10T10:00:00+05:00",
                                        "C7",
                                        "PERMANENT_RESIDENCE",
                                        "KZ-71",
                                        null,
                                        null,
                                        "KANDAS"),
                                reg(
                                        "c7b",
                                        "2027-02-15T10:00:00+05:00",
                                        "C7",
                                        "PERMANENT_RESIDENCE",
                                        "KZ-75",
                                        null,
                                        null,
                                        "RESETTLEMENT"),
                                reg(
                                        "c7c",
                                        "2028-03-20T10:00:00+05:00",
                                        "C7",
                                        "RESIDENCE_CHANGE",
                                        "KZ-71",
                                        null,
                                        "KZ-75",
                                        null))
                        .run();

        Map<String, String> people =
                List.of("C1", "C2", "C3", "C6", "C7").stream()
                        .collect(Collectors.toMap(ReplayRun::subjectRef, p -> p));
        assertThat(out.alerts("CONTRACT_BREACH"))
                .extracting(a -> breachLine(a, people))
                .containsExactlyInAnyOrder(
                        // 2026-01-15 .. 2027-03-14: 13 whole months (the 14th would complete on
                        // 03-15)
                        "C1 2027-03-14T05:00:00Z region=KZ-35 KANDAS host=KZ-35 new=KZ-71 months=13"
                                + " returned=false",
                        // 2026-02-01 .. 2026-08-31: 6 whole months; back to previousRegion KZ-61
                        "C2 2026-08-31T05:00:00Z region=KZ-59 RESETTLEMENT host=KZ-59 new=KZ-61"
                                + " months=6 returned=true",
                        // 2026-02-01 .. 2026-09-01: 7 whole months; KZ-35 is not where they came
                        // from
                        "C3 2026-09-01T05:00:00Z region=KZ-59 RESETTLEMENT host=KZ-59 new=KZ-35"
                                + " months=7 returned=false",
                        // 2026-02-01 .. 2026-03-01: 1 month; KANDAS is never a return
                        "C6 2026-03-01T05:00:00Z region=KZ-59 KANDAS host=KZ-59 new=KZ-61 months=1"
                                + " returned=false",
                        // contract of 2027-02-15 in KZ-75 .. 2028-03-20: 13 months; its
                        // registration had no previousRegion
                        "C7 2028-03-20T05:00:00Z region=KZ-75 RESETTLEMENT host=KZ-75 new=KZ-71"
                                + " months=13 returned=false");
        JsonNode c1 =
                out.alerts("CONTRACT_BREACH").stream()
                        .filter(
                                a ->
                                        a.get("subjectRef")
                                                .asText()
                                                .equals(ReplayRun.subjectRef("C1")))
                        .findFirst()
                        .orElseThrow();
        assertThat(c1.get("severity").asText()).isEqualTo("INFO");
        assertThat(c1.get("audience").asText()).isEqualTo("PLANNING");
        assertThat(c1.toString()).doesNotContain("\"C1\"");
    }

    @Test
    void deregistrationBreachesOnlyStrictlyBeforeTheSameLocalDateFiveYearsLater() {
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "registrations",
                                reg(
                                        "c4a",
                                        "2026-03-10T09:00:00+05:00",
                                        "C4",
                                        "TEMPORARY_RESIDENCE",
                                        "KZ-11",
                                        "Kokshetau",
                                        null,
                                        "KANDAS"),
                                // 2031-03-09T23:30+05:00: local date 03-09, the last bound day
                                reg(
                                        "c4b",
                                        "2031-03-09T18:30:00Z",
                                        "C4",
                                        "DEREGISTRATION",
                                        "KZ-11",
                                        "Kokshetau",
                                        null,
                                        null),
                                reg(
                                        "c5a",
                                        "2026-03-10T09:00:00+05:00",
                                        "C5",
                                        "TEMPORARY_RESIDENCE",
                                        "KZ-11",
                                        "Kokshetau",
                                        null,
                                        "KANDAS"),
                                // 2031-03-09T19:30Z is 2031-03-10T00:30+05:00: the contract has
                                // ended
                                reg(
                                        "c5b",
                                        "2031-03-09T19:30:00Z",
                                        "C5",
                                        "DEREGISTRATION",
                                        "KZ-11",
                                        "Kokshetau",
                                        null,
                                        null))
                        .run();

        Map<String, String> people =
                Map.of(ReplayRun.subjectRef("C4"), "C4", ReplayRun.subjectRef("C5"), "C5");
        // 2026-03-10 .. 2031-03-09: 59 whole months; a deregistration names no new region
        assertThat(out.alerts("CONTRACT_BREACH"))
                .extracting(a -> breachLine(a, people))
                .containsExactly(
                        "C4 2031-03-09T18:30:00Z region=KZ-11 KANDAS host=KZ-11 new=- months=59"
                                + " returned=false");
        assertThat(out.alerts("CONTRACT_BREACH").get(0).get("details").has("newRegion")).isFalse();
        assertThat(out.alerts("CONTRACT_BREACH").get(0).get("city").asText())
                .isEqualTo("Kokshetau");
    }
}
