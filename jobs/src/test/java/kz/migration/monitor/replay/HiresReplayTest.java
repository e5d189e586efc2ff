package kz.migration.monitor.replay;

import static kz.migration.monitor.replay.ReplayEvents.employment;
import static kz.migration.monitor.replay.ReplayEvents.permitIssued;
import static kz.migration.monitor.replay.ReplayEvents.permitRevoked;
import static kz.migration.monitor.replay.ReplayEvents.registration;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract's {@code UNAUTHORISED_EMPLOYMENT} rule, person by person, through replay. */
class HiresReplayTest {

    @TempDir Path dir;

    private static String hire(
            String id, String at, String person, String citizenship, String region) {
        return employment(id, at, person, citizenship, "HIRED", region, "Almaty");
    }

    @Test
    void hiresWithoutPermanentResidenceOrAPermitInTheRegionAreUnauthorised() {
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "registrations",
                                registration(
                                        "g4",
                                        "2026-02-01T10:00:00+05:00",
                                        "H4",
                                        "CHN",
                                        "PERMANENT_RESIDENCE",
                                        "KZ-71",
                                        null),
                                registration(
                                        "g9a",
                                        "2026-02-01T10:00:00+05:00",
                                        "H9",
                                        "CHN",
                                        "PERMANENT_RESIDENCE",
                                        "KZ-75",
                                        null),
                                registration(
                                        "g9b",
                                        "2026-03-04T10:00:00+05:00",
                                        "H9",
                                        "CHN",
                                        "DEREGISTRATION",
                                        "KZ-75",
                                        null))
                        .add(
                                "employment",
                                permitIssued(
                                        "p5",
                                        "2026-03-01T10:00:00+05:00",
                                        "H5",
                                        "TJK",
                                        "W5",
                                        "KZ-75",
                                        "CAT2",
                                        "2026-12-31"),
                                permitIssued(
                                        "p6",
                                        "2026-03-01T10:00:00+05:00",
                                        "H6",
                                        "TJK",
                                        "W6",
                                        "KZ-71",
                                        "CAT2",
                                        "2026-12-31"),
                                permitIssued(
                                        "p7",
                                        "2026-03-01T10:00:00+05:00",
                                        "H7",
                                        "UZB",
                                        "W7",
                                        "KZ-75",
                                        "CAT2",
                                        "2026-03-10"),
                                permitIssued(
                                        "p8",
                                        "2026-03-01T10:00:00+05:00",
                                        "H8",
                                        "UZB",
                                        "W8",
                                        "KZ-75",
                                        "CAT2",
                                        "2026-12-31"),
                                permitRevoked(
                                        "r8",
                                        "2026-03-05T10:00:00+05:00",
                                        "H8",
                                        "UZB",
                                        "W8",
                                        "KZ-75"),
                                // no permit, no residence: unauthorised
                                hire("h1", "2026-03-06T10:00:00+05:00", "H1", "UZB", "KZ-75"),
                                // KAZ and EAEU (RUS) need no permit
                                hire("h2", "2026-03-06T10:00:00+05:00", "H2", "KAZ", "KZ-75"),
                                hire("h3", "2026-03-06T10:00:00+05:00", "H3", "RUS", "KZ-75"),
                                // permanent resident (in another region: residence is national)
                                hire("h4", "2026-03-06T10:00:00+05:00", "H4", "CHN", "KZ-75"),
                                // active permit in the hiring region
                                hire("h5", "2026-03-06T10:00:00+05:00", "H5", "TJK", "KZ-75"),
                                // permit only in KZ-71, hired in KZ-75: unauthorised
                                hire("h6", "2026-03-06T10:00:00+05:00", "H6", "TJK", "KZ-75"),
                                // last day of W7 (until 2026-03-10): still authorised
                                hire("h7a", "2026-03-10T23:00:00+05:00", "H7", "UZB", "KZ-75"),
                                // the next day W7 has expired: unauthorised
                                hire("h7b", "2026-03-11T09:00:00+05:00", "H7", "UZB", "KZ-75"),
                                // W8 revoked on 03-05: unauthorised
                                hire("h8", "2026-03-06T10:00:00+05:00", "H8", "UZB", "KZ-75"),
                                // permanent residence ended after its deregistration day (03-04)
                                hire("h9", "2026-03-06T10:00:00+05:00", "H9", "CHN", "KZ-75"))
                        .run();

        Map<String, String> bySubject = new HashMap<>();
        for (String p : new String[] {"H1", "H6", "H7", "H8", "H9"}) {
            bySubject.put(ReplayRun.subjectRef(p), p);
        }
        assertThat(out.alerts("UNAUTHORISED_EMPLOYMENT"))
                .extracting(
                        a ->
                                bySubject.getOrDefault(a.get("subjectRef").asText(), "other")
                                        + " "
                                        + a.get("raisedAt").asText())
                .containsExactlyInAnyOrder(
                        "H1 2026-03-06T05:00:00Z",
                        "H6 2026-03-06T05:00:00Z",
                        "H8 2026-03-06T05:00:00Z",
                        "H9 2026-03-06T05:00:00Z",
                        "H7 2026-03-11T04:00:00Z");
        JsonNode h6 =
                out.alerts("UNAUTHORISED_EMPLOYMENT").stream()
                        .filter(
                                a ->
                                        a.get("subjectRef")
                                                .asText()
                                                .equals(ReplayRun.subjectRef("H6")))
                        .findFirst()
                        .orElseThrow();
        assertThat(h6.get("severity").asText()).isEqualTo("MAJOR");
        assertThat(h6.get("audience").asText()).isEqualTo("SECURITY");
        assertThat(h6.get("region").asText()).isEqualTo("KZ-75");
        assertThat(h6.get("city").asText()).isEqualTo("Almaty");
        assertThat(h6.get("citizenship").asText()).isEqualTo("TJK");
        assertThat(h6.toString()).doesNotContain("\"H6\"");
    }
}
