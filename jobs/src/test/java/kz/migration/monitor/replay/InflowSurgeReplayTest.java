package kz.migration.monitor.replay;

import static kz.migration.monitor.replay.ReplayEvents.registration;
import static kz.migration.monitor.replay.ReplayEvents.threshold;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract's {@code INFLOW_SURGE} rule through replay. */
class InflowSurgeReplayTest {

    @TempDir Path dir;

    /**
     * {@code n} residence registrations of {@code kind} in a place on one day, one second apart
     * from 08:00.
     */
    private static List<String> registrations(
            String prefix, int n, String day, String kind, String region, String city) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String at =
                    day
                            + "T"
                            + LocalTime.of(8, 0).plusSeconds(i)
                            + (i % 60 == 0 ? ":00" : "")
                            + "+05:00";
            lines.add(registration(prefix + i, at, prefix + i, "UZB", kind, region, city));
        }
        return lines;
    }

    private static String surgeLine(JsonNode a) {
        return a.get("raisedAt").asText()
                + " "
                + a.get("region").asText()
                + " "
                + (a.get("city").isNull() ? "-" : a.get("city").asText())
                + " 7d="
                + a.get("details").get("netInflow7d").asLong()
                + " threshold="
                + a.get("details").get("threshold").asLong();
    }

    @Test
    void surgesWhenTheSevenDaySumFirstExceedsTheThresholdAndAgainAfterFallingToIt() {
        List<String> regs = new ArrayList<>();
        regs.addAll(registrations("a", 2, "2026-07-01", "PERMANENT_RESIDENCE", "KZ-35", null));
        regs.addAll(registrations("b", 2, "2026-07-02", "PERMANENT_RESIDENCE", "KZ-35", null));
        regs.addAll(registrations("c", 1, "2026-07-03", "PERMANENT_RESIDENCE", "KZ-35", null));
        regs.addAll(registrations("d", 3, "2026-07-09", "PERMANENT_RESIDENCE", "KZ-35", null));
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "reference-data",
                                threshold("t1", "2026-06-01T00:00:00+05:00", "KZ-35", null, 3))
                        .add("registrations", regs.toArray(String[]::new))
                        .run(Instant.parse("2026-07-12T00:00:00Z"));

        // 7d: 07-01 2 (<= 3); 07-02 4 > 3: surge at its end (07-02T19:00Z); 07-03 5: still above.
        // 07-08 (quiet): 07-02..07-08 = 2+1 = 3 <= 3: re-armed. 07-09: 07-03..07-09 = 1+3 = 4 > 3:
        // surge.
        // (Had the quiet day not been evaluated, 07-09 would still count as "above".)
        assertThat(out.alerts("INFLOW_SURGE"))
                .extracting(InflowSurgeReplayTest::surgeLine)
                .containsExactly(
                        "2026-07-02T19:00:00Z KZ-35 - 7d=4 threshold=3",
                        "2026-07-09T19:00:00Z KZ-35 - 7d=4 threshold=3");
        JsonNode first = out.alerts("INFLOW_SURGE").get(0);
        assertThat(first.get("severity").asText()).isEqualTo("WARNING");
        assertThat(first.get("audience").asText()).isEqualTo("PLANNING");
        assertThat(first.get("subjectRef").isNull()).isTrue();
    }

    @Test
    void aNegativeDayLeavingTheWindowPushesAQuietDayOver() {
        List<String> regs = new ArrayList<>();
        regs.addAll(registrations("a", 2, "2026-07-01", "DEREGISTRATION", "KZ-47", null));
        regs.addAll(registrations("b", 5, "2026-07-02", "PERMANENT_RESIDENCE", "KZ-47", null));
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "reference-data",
                                threshold("t1", "2026-06-01T00:00:00+05:00", "KZ-47", null, 3))
                        .add("registrations", regs.toArray(String[]::new))
                        .run(Instant.parse("2026-07-10T00:00:00Z"));

        // 07-01 -2; 07-02 +5: 7d 3 (not above 3) through 07-07 (window 07-01..07-07).
        // 07-08, a quiet day: window 07-02..07-08 = 5 > 3: surge at 2026-07-09T00:00+05:00.
        assertThat(out.alerts("INFLOW_SURGE"))
                .extracting(InflowSurgeReplayTest::surgeLine)
                .containsExactly("2026-07-08T19:00:00Z KZ-47 - 7d=5 threshold=3");
    }

    @Test
    void regionsHaveDefaultThresholdsAndCitiesOnlyTheOnesARecordSets() {
        List<String> regs = new ArrayList<>();
        // KZ-79 default 1,500 and KZ-71 default 2,000: 1,501 arrivals each on 07-01.
        regs.addAll(registrations("s", 1501, "2026-07-01", "PERMANENT_RESIDENCE", "KZ-79", null));
        regs.addAll(registrations("n", 1501, "2026-07-01", "PERMANENT_RESIDENCE", "KZ-71", null));
        // KZ-55 has no default; Ekibastuz gets a record (2), Pavlodar none.
        regs.addAll(
                registrations("e", 3, "2026-07-01", "PERMANENT_RESIDENCE", "KZ-55", "Ekibastuz"));
        regs.addAll(
                registrations("p", 5, "2026-07-01", "PERMANENT_RESIDENCE", "KZ-55", "Pavlodar"));
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "reference-data",
                                threshold(
                                        "t1", "2026-06-01T00:00:00+05:00", "KZ-55", "Ekibastuz", 2))
                        .add("registrations", regs.toArray(String[]::new))
                        .run(Instant.parse("2026-07-02T12:00:00Z"));

        // KZ-79: 1501 > 1500 surges; KZ-71: 1501 <= 2000 does not; Ekibastuz 3 > 2 surges;
        // Pavlodar (5) and region KZ-55 (8) have no threshold.
        assertThat(out.alerts("INFLOW_SURGE"))
                .extracting(InflowSurgeReplayTest::surgeLine)
                .containsExactlyInAnyOrder(
                        "2026-07-01T19:00:00Z KZ-79 - 7d=1501 threshold=1500",
                        "2026-07-01T19:00:00Z KZ-55 Ekibastuz 7d=3 threshold=2");
    }

    @Test
    void theDayContainingTheAsOfInstantDoesNotEnd() {
        List<String> regs =
                registrations("a", 4, "2026-07-01", "PERMANENT_RESIDENCE", "KZ-35", null);
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "reference-data",
                                threshold("t1", "2026-06-01T00:00:00+05:00", "KZ-35", null, 3))
                        .add("registrations", regs.toArray(String[]::new))
                        .run(Instant.parse("2026-07-01T12:00:00Z"));

        // 4 > 3, but 07-01 has not ended at the as-of instant (17:00+05:00): no surge yet; its row
        // is written.
        assertThat(out.alerts("INFLOW_SURGE")).isEmpty();
        assertThat(out.stats("2026-07-01", "KZ-35", null).get("netInflow7d").asLong()).isEqualTo(4);
    }
}
