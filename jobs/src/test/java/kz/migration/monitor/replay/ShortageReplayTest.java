package kz.migration.monitor.replay;

import static kz.migration.monitor.replay.InputLines.employment;
import static kz.migration.monitor.replay.InputLines.heading;
import static kz.migration.monitor.replay.ReplayEvents.shortage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract's labour-shortage list ("Labour shortage list"), case by case, through replay.
 * Inputs in local time (+05:00), outputs in UTC.
 */
class ShortageReplayTest {

    @TempDir Path dir;

    private static String permit(
            String id, String at, String person, String region, String city, String sector) {
        return employment(
                id,
                at,
                person,
                "TJK",
                "PERMIT_ISSUED",
                region,
                city,
                "permitId",
                "WP-" + id,
                "category",
                "CAT3",
                "permitUntil",
                "2028-12-31",
                "sector",
                sector);
    }

    /** {@code "raisedAt SEVERITY AUDIENCE region/city citizenship person year sector permitId"}. */
    private static List<String> flagged(ReplayRun.Outputs out, String... persons) {
        List<String> rows = new ArrayList<>();
        for (JsonNode a : out.alerts("PERMIT_OUTSIDE_SHORTAGE")) {
            JsonNode d = a.get("details");
            rows.add(
                    heading(a, persons)
                            + " "
                            + d.get("year").asInt()
                            + " "
                            + d.get("sector").asText()
                            + " "
                            + d.get("permitId").asText());
        }
        return rows;
    }

    @Test
    void permitsOutsideTheOpenSectorsOfARegionWithAListAreFlagged() {
        // Almaty city (KZ-75) lists IT open and MINING closed for 2026; Astana (KZ-71) has no list.
        //   IT in KZ-75: open, nothing. MINING in KZ-75: closed. HEALTH in KZ-75: not listed.
        //   No sector in KZ-75: OTHER, not listed. MINING in KZ-71: not checked.
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "reference-data",
                                shortage("2026-01-01T00:00:00+05:00", 2026, "KZ-75", "IT", true),
                                shortage(
                                        "2026-01-01T00:00:00+05:00",
                                        2026,
                                        "KZ-75",
                                        "MINING",
                                        false))
                        .add(
                                "employment",
                                permit(
                                        "1",
                                        "2026-03-02T10:00:00+05:00",
                                        "A",
                                        "KZ-75",
                                        "Almaty",
                                        "IT"),
                                permit(
                                        "2",
                                        "2026-03-02T11:00:00+05:00",
                                        "B",
                                        "KZ-75",
                                        "Almaty",
                                        "MINING"),
                                permit(
                                        "3",
                                        "2026-03-02T12:00:00+05:00",
                                        "C",
                                        "KZ-75",
                                        "Almaty",
                                        "HEALTH"),
                                permit("4", "2026-03-02T13:00:00+05:00", "D", "KZ-75", null, null),
                                permit(
                                        "5",
                                        "2026-03-02T14:00:00+05:00",
                                        "E",
                                        "KZ-71",
                                        "Astana",
                                        "MINING"))
                        .run(Instant.parse("2026-03-03T00:00:00Z"));

        assertThat(flagged(out, "A", "B", "C", "D", "E"))
                .containsExactly(
                        "2026-03-02T06:00:00Z WARNING DUTY_OFFICER KZ-75/Almaty TJK B 2026 MINING"
                                + " WP-2",
                        "2026-03-02T07:00:00Z WARNING DUTY_OFFICER KZ-75/Almaty TJK C 2026 HEALTH"
                                + " WP-3",
                        "2026-03-02T08:00:00Z WARNING DUTY_OFFICER KZ-75/null TJK D 2026 OTHER"
                                + " WP-4");
        assertThat(out.alerts("PERMIT_OUTSIDE_SHORTAGE"))
                .allSatisfy(a -> assertThat(a.toString()).doesNotContain("\"B\"", "\"C\""));
        assertThat(out.deadLetters()).isEmpty();
    }

    @Test
    void atOneInstantClosedStandsAndALaterRecordReplacesIt() {
        // OTHER in KZ-79: open:false and open:true at one instant on Jan 1 (in both line orders
        // for two sectors): closed, so the permits of Feb 1 are flagged. Re-opened on Mar 1
        // 00:00: the issue at that very instant sees the record first, and is not flagged.
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "reference-data",
                                shortage(
                                        "2026-01-01T00:00:00+05:00", 2026, "KZ-79", "OTHER", false),
                                shortage("2026-01-01T00:00:00+05:00", 2026, "KZ-79", "OTHER", true),
                                shortage(
                                        "2026-01-01T00:00:00+05:00",
                                        2026,
                                        "KZ-79",
                                        "SERVICES",
                                        true),
                                shortage(
                                        "2026-01-01T00:00:00+05:00",
                                        2026,
                                        "KZ-79",
                                        "SERVICES",
                                        false),
                                shortage("2026-03-01T00:00:00+05:00", 2026, "KZ-79", "OTHER", true))
                        .add(
                                "employment",
                                permit(
                                        "1",
                                        "2026-02-01T10:00:00+05:00",
                                        "A",
                                        "KZ-79",
                                        "Shymkent",
                                        "OTHER"),
                                permit(
                                        "2",
                                        "2026-02-01T11:00:00+05:00",
                                        "B",
                                        "KZ-79",
                                        "Shymkent",
                                        "SERVICES"),
                                permit(
                                        "3",
                                        "2026-03-01T00:00:00+05:00",
                                        "C",
                                        "KZ-79",
                                        "Shymkent",
                                        null))
                        .run(Instant.parse("2026-03-02T00:00:00Z"));

        assertThat(flagged(out, "A", "B", "C"))
                .containsExactly(
                        "2026-02-01T05:00:00Z WARNING DUTY_OFFICER KZ-79/Shymkent TJK A 2026 OTHER"
                                + " WP-1",
                        "2026-02-01T06:00:00Z WARNING DUTY_OFFICER KZ-79/Shymkent TJK B 2026"
                                + " SERVICES WP-2");
    }

    @Test
    void theYearIsThatOfTheIssuesLocalDate() {
        // KZ-75 lists only CONSTRUCTION, for 2027, from Dec 1, 2026. A MINING permit at 23:30 on
        // Dec 31 (18:30Z) is of 2026, for which there is no list: not checked. One at 00:30 on
        // Jan 1 (19:30Z on Dec 31) is of 2027: flagged, although its UTC date is in 2026.
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "reference-data",
                                shortage(
                                        "2026-12-01T00:00:00+05:00",
                                        2027,
                                        "KZ-75",
                                        "CONSTRUCTION",
                                        true))
                        .add(
                                "employment",
                                permit(
                                        "1",
                                        "2026-12-31T23:30:00+05:00",
                                        "A",
                                        "KZ-75",
                                        "Almaty",
                                        "MINING"),
                                permit(
                                        "2",
                                        "2027-01-01T00:30:00+05:00",
                                        "B",
                                        "KZ-75",
                                        "Almaty",
                                        "MINING"))
                        .run(Instant.parse("2027-01-02T00:00:00Z"));

        assertThat(flagged(out, "A", "B"))
                .containsExactly(
                        "2026-12-31T19:30:00Z WARNING DUTY_OFFICER KZ-75/Almaty TJK B 2027 MINING"
                                + " WP-2");
    }
}
