package kz.migration.monitor.replay;

import static kz.migration.monitor.replay.ReplayEvents.crossing;
import static kz.migration.monitor.replay.ReplayEvents.employment;
import static kz.migration.monitor.replay.ReplayEvents.registration;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract's daily {@code flow-stats} and {@code flow-matrix} through replay. */
class FlowStatsReplayTest {

    @TempDir Path dir;

    private static String reg(String id, String at, String kind, String region, String city) {
        return registration(id, at, "R-" + id, "UZB", kind, region, city);
    }

    private static String move(
            String id, String at, String from, String fromCity, String to, String toCity) {
        return registration(
                id, at, "R-" + id, "UZB", "RESIDENCE_CHANGE", to, toCity, from, fromCity, null);
    }

    /** The counts of a row as one line: entries/exits by group, residence, rolling sums, labour. */
    private static String counts(JsonNode r) {
        JsonNode in = r.get("entriesByGroup");
        JsonNode out = r.get("exitsByGroup");
        return "in="
                + r.get("entries").asLong()
                + "["
                + in.get("KAZ")
                + ","
                + in.get("CIS")
                + ","
                + in.get("OTHER")
                + "] out="
                + r.get("exits").asLong()
                + "["
                + out.get("KAZ")
                + ","
                + out.get("CIS")
                + ","
                + out.get("OTHER")
                + "] arr="
                + r.get("residenceArrivals").asLong()
                + " dep="
                + r.get("residenceDepartures").asLong()
                + " net="
                + r.get("netInflow").asLong()
                + " 7d="
                + r.get("netInflow7d").asLong()
                + " 30d="
                + r.get("netInflow30d").asLong()
                + " permits="
                + r.get("permitsIssued").asLong()
                + " hires="
                + r.get("hires").asLong();
    }

    private static String counts(ReplayRun.Outputs out, String date, String region, String city) {
        JsonNode row = out.stats(date, region, city);
        assertThat(row).as("row %s %s %s", date, region, city).isNotNull();
        return counts(row);
    }

    @Test
    void countsCrossingsResidenceAndLabourPerDayRegionAndCity() {
        ReplayRun run = new ReplayRun(dir);
        run.add(
                "border-crossings",
                // listed first but later in event time: must not decide the spelling
                crossing(
                        "x5", "2026-05-01T15:00:00+05:00", "X5", "KAZ", "ENTRY", "KZ-75", "ALMATY"),
                crossing(
                        "x1", "2026-05-01T09:00:00+05:00", "X1", "KAZ", "ENTRY", "KZ-75", "Almaty"),
                crossing(
                        "x2",
                        "2026-05-01T10:00:00+05:00",
                        "X2",
                        "UZB",
                        "ENTRY",
                        "KZ-75",
                        " Almaty "),
                crossing(
                        "x3", "2026-05-01T11:00:00+05:00", "X3", "CHN", "ENTRY", "KZ-75", "almaty"),
                // an exit of someone never seen entering still counts
                crossing("x4", "2026-05-01T12:00:00+05:00", "X4", "RUS", "EXIT", "KZ-75", "Almaty"),
                // no city: the region row only
                crossing("x6", "2026-05-01T13:00:00+05:00", "X6", "KAZ", "EXIT", "KZ-75", null));
        run.add(
                "registrations",
                reg("r1", "2026-05-01T10:00:00+05:00", "PERMANENT_RESIDENCE", "KZ-75", "Almaty"),
                reg("r2", "2026-05-01T10:00:00+05:00", "TEMPORARY_RESIDENCE", "KZ-75", "Almaty"),
                reg("r3", "2026-05-01T10:00:00+05:00", "DEREGISTRATION", "KZ-75", "Almaty"),
                move("r4", "2026-05-01T10:00:00+05:00", "KZ-71", "Astana", "KZ-75", "Almaty"),
                // same region, other city: city rows only
                move("r5", "2026-05-01T10:00:00+05:00", "KZ-75", "Almaty", "KZ-75", "Alatau"),
                // same place in another case: no move at all
                move("r6", "2026-05-01T10:00:00+05:00", "KZ-75", "almaty", "KZ-75", "Almaty"),
                reg("r7", "2026-05-03T10:00:00+05:00", "PERMANENT_RESIDENCE", "KZ-75", "Almaty"),
                reg("r8", "2026-05-09T10:00:00+05:00", "DEREGISTRATION", "KZ-75", "Almaty"),
                reg("r9", "2026-05-30T10:00:00+05:00", "PERMANENT_RESIDENCE", "KZ-75", null),
                reg("r10", "2026-05-31T10:00:00+05:00", "TEMPORARY_RESIDENCE", "KZ-75", "Almaty"),
                // after the as-of instant (05-31T12:00+05:00): not counted
                reg("r11", "2026-05-31T13:00:00+05:00", "TEMPORARY_RESIDENCE", "KZ-75", "Almaty"));
        run.add(
                "employment",
                employment(
                        "e1", "2026-05-01T10:00:00+05:00", "E1", "KAZ", "HIRED", "KZ-75", "Almaty"),
                employment("e2", "2026-05-01T10:00:00+05:00", "E2", "KAZ", "HIRED", "KZ-75", null),
                employment(
                        "e3",
                        "2026-05-01T10:00:00+05:00",
                        "E3",
                        "KAZ",
                        "TERMINATED",
                        "KZ-75",
                        "Almaty"),
                ReplayEvents.permitIssued(
                                "e4",
                                "2026-05-01T10:00:00+05:00",
                                "E4",
                                "UZB",
                                "W4",
                                "KZ-75",
                                "CAT1",
                                "2026-12-31")
                        .replace("}", ",\"city\":\"Almaty\"}"));

        ReplayRun.Outputs out = run.run(Instant.parse("2026-05-31T07:00:00Z"));

        // 05-01 KZ-75: entries x1 KAZ, x2 CIS (UZB), x3 OTHER (CHN), x5 KAZ = 4 [2,1,1];
        // exits x4 CIS (RUS, unmatched), x6 KAZ = 2 [1,1,0]. Arrivals r1, r2, r4 = 3; departures r3
        // = 1
        // (r5, r6 stay in the region); net 2, 7d 2, 30d 2. Permits e4 = 1; hires e1, e2 = 2.
        assertThat(counts(out, "2026-05-01", "KZ-75", null))
                .isEqualTo(
                        "in=4[2,1,1] out=2[1,1,0] arr=3 dep=1 net=2 7d=2 30d=2 permits=1 hires=2");
        // Almaty (all spellings): same entries; exit x4 only; arrivals r1, r2, r4 = 3; departures
        // r3, r5 = 2.
        assertThat(counts(out, "2026-05-01", "KZ-75", "Almaty"))
                .isEqualTo(
                        "in=4[2,1,1] out=1[0,1,0] arr=3 dep=2 net=1 7d=1 30d=1 permits=1 hires=1");
        assertThat(counts(out, "2026-05-01", "KZ-75", "Alatau"))
                .isEqualTo(
                        "in=0[0,0,0] out=0[0,0,0] arr=1 dep=0 net=1 7d=1 30d=1 permits=0 hires=0");
        assertThat(counts(out, "2026-05-01", "KZ-71", null))
                .isEqualTo(
                        "in=0[0,0,0] out=0[0,0,0] arr=0 dep=1 net=-1 7d=-1 30d=-1 permits=0"
                                + " hires=0");
        assertThat(counts(out, "2026-05-01", "KZ-71", "Astana"))
                .isEqualTo(
                        "in=0[0,0,0] out=0[0,0,0] arr=0 dep=1 net=-1 7d=-1 30d=-1 permits=0"
                                + " hires=0");

        // KZ-75 net by day: 05-01 +2, 05-03 +1, 05-09 -1, 05-30 +1, 05-31 +1 (r10; r11 is after
        // as-of).
        // 05-03: 7d 2+1 = 3.  05-09: 7d (05-03..05-09) 1-1 = 0, 30d 2+1-1 = 2.
        // 05-30: 7d (05-24..) 1, 30d (05-01..05-30) 2+1-1+1 = 3.  05-31: 7d 1+1 = 2, 30d (05-02..)
        // 1-1+1+1 = 2.
        assertThat(counts(out, "2026-05-03", "KZ-75", null))
                .endsWith("arr=1 dep=0 net=1 7d=3 30d=3 permits=0 hires=0");
        assertThat(counts(out, "2026-05-09", "KZ-75", null))
                .endsWith("arr=0 dep=1 net=-1 7d=0 30d=2 permits=0 hires=0");
        assertThat(counts(out, "2026-05-30", "KZ-75", null))
                .endsWith("arr=1 dep=0 net=1 7d=1 30d=3 permits=0 hires=0");
        assertThat(counts(out, "2026-05-31", "KZ-75", null))
                .endsWith("arr=1 dep=0 net=1 7d=2 30d=2 permits=0 hires=0");
        // Almaty net: 05-01 +1, 05-03 +1, 05-09 -1, 05-31 +1 (r9 has no city).
        // 05-09: 7d 1-1 = 0, 30d 1+1-1 = 1.  05-31: 7d 1, 30d (05-02..05-31) 1-1+1 = 1.
        assertThat(counts(out, "2026-05-09", "KZ-75", "Almaty"))
                .endsWith("net=-1 7d=0 30d=1 permits=0 hires=0");
        assertThat(counts(out, "2026-05-31", "KZ-75", "Almaty"))
                .endsWith("arr=1 dep=0 net=1 7d=1 30d=1 permits=0 hires=0");
        assertThat(
                        out.stats("2026-05-30", "KZ-75", "Almaty") == null
                                || counts(out.stats("2026-05-30", "KZ-75", "Almaty"))
                                        .startsWith("in=0[0,0,0] out=0[0,0,0] arr=0 dep=0 net=0"))
                .as("a quiet day's row, if written, has zero counts")
                .isTrue();

        // One row per day and place: the city is one place whatever its case, spelled as the
        // earliest event.
        assertThat(out.flowStats())
                .filteredOn(
                        r ->
                                r.get("date").asText().equals("2026-05-01")
                                        && r.get("region").asText().equals("KZ-75"))
                .extracting(r -> r.get("city").isNull() ? "-" : r.get("city").asText())
                .containsExactlyInAnyOrder("-", "Almaty", "Alatau");
    }

    @Test
    void theFlowMatrixCountsMovesBetweenDifferentRegionsPerDay() {
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "registrations",
                                move(
                                        "m1",
                                        "2026-06-01T09:00:00+05:00",
                                        "KZ-71",
                                        null,
                                        "KZ-75",
                                        null),
                                move(
                                        "m2",
                                        "2026-06-01T23:59:00+05:00",
                                        "KZ-71",
                                        null,
                                        "KZ-75",
                                        null),
                                move(
                                        "m3",
                                        "2026-06-01T10:00:00+05:00",
                                        "KZ-75",
                                        null,
                                        "KZ-71",
                                        null),
                                // within KZ-75: no matrix row, city rows only
                                move(
                                        "m4",
                                        "2026-06-01T10:00:00+05:00",
                                        "KZ-75",
                                        "Almaty",
                                        "KZ-75",
                                        "Alatau"),
                                // 2026-06-01T19:30Z is 06-02T00:30+05:00: the next local day
                                move("m5", "2026-06-01T19:30:00Z", "KZ-71", null, "KZ-75", null))
                        .run();

        assertThat(out.flowMatrix())
                .extracting(
                        r ->
                                r.get("date").asText()
                                        + " "
                                        + r.get("fromRegion").asText()
                                        + "->"
                                        + r.get("toRegion").asText()
                                        + " "
                                        + r.get("moves").asLong())
                .containsExactlyInAnyOrder(
                        "2026-06-01 KZ-71->KZ-75 2",
                        "2026-06-01 KZ-75->KZ-71 1",
                        "2026-06-02 KZ-71->KZ-75 1");
        // KZ-75 on 06-01: arrivals m1, m2 = 2; departures m3 = 1 (m4 stays in the region).
        assertThat(counts(out, "2026-06-01", "KZ-75", null)).contains("arr=2 dep=1 net=1");
        assertThat(counts(out, "2026-06-01", "KZ-75", "Almaty")).contains("arr=0 dep=1 net=-1");
        assertThat(counts(out, "2026-06-01", "KZ-75", "Alatau")).contains("arr=1 dep=0 net=1");
    }
}
