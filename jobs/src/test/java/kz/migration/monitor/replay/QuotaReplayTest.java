package kz.migration.monitor.replay;

import static kz.migration.monitor.replay.ReplayEvents.permitIssued;
import static kz.migration.monitor.replay.ReplayEvents.permitRevoked;
import static kz.migration.monitor.replay.ReplayEvents.quota;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract's labour quota rules ({@code QUOTA_WARNING}, {@code QUOTA_BREACH}) through replay.
 */
class QuotaReplayTest {

    @TempDir Path dir;

    /** Issues permit {@code W<n>} to person {@code P<n>} (UZB), valid to the end of 2026. */
    private static String issue(String region, int n, String category, String at) {
        return permitIssued(
                "e" + region + "-" + n,
                at,
                "P" + n,
                "UZB",
                "W" + n,
                region,
                category,
                "2026-12-31");
    }

    /** What a duty officer reads off a quota alert: type, when, which quota, the figures. */
    private static String quotaLine(JsonNode a) {
        JsonNode d = a.get("details");
        return a.get("type").asText()
                + " "
                + a.get("raisedAt").asText()
                + " "
                + a.get("region").asText()
                + " "
                + d.get("year").asInt()
                + " "
                + d.get("category").asText()
                + " limit="
                + d.get("limit").asLong()
                + " util="
                + d.get("utilisation").asLong()
                + " permit="
                + (d.has("permitId") ? d.get("permitId").asText() : "-");
    }

    private static List<String> quotaLines(ReplayRun.Outputs out) {
        List<String> lines = new ArrayList<>();
        for (JsonNode a : out.alerts()) {
            String type = a.get("type").asText();
            if (type.startsWith("QUOTA_")) {
                lines.add(quotaLine(a));
            }
        }
        return lines;
    }

    @Test
    void warnsAtNinetyPercentAndBreachesAboveTheLimitForCategoryAndAll() {
        ReplayRun run = new ReplayRun(dir);
        run.add(
                "reference-data",
                quota("q1", "2026-01-01T00:00:00+05:00", 2026, "KZ-75", "CAT2", 10),
                quota("q2", "2026-01-01T00:00:00+05:00", 2026, "KZ-75", "ALL", 12));
        List<String> permits = new ArrayList<>();
        // #1..#9 CAT2, #10..#11 CAT1, #12..#13 CAT2, one minute apart from 10:01 (05:01Z).
        for (int n = 1; n <= 13; n++) {
            String category = n == 10 || n == 11 ? "CAT1" : "CAT2";
            permits.add(
                    issue("KZ-75", n, category, String.format("2026-02-02T10:%02d:00+05:00", n)));
        }
        run.add("employment", permits.toArray(String[]::new));

        ReplayRun.Outputs out = run.run();

        // CAT2: #9 makes 9 of 10 (9*10 >= 10*9): warning. #12 makes 10 (not above 10), #13 makes 11
        // > 10: breach.
        // ALL: #11 makes 11 of 12 (110 >= 108): warning (#10 was 10 of 12, 100 < 108). #13 makes 13
        // > 12: breach.
        assertThat(quotaLines(out))
                .containsExactlyInAnyOrder(
                        "QUOTA_WARNING 2026-02-02T05:09:00Z KZ-75 2026 CAT2 limit=10 util=9"
                                + " permit=W9",
                        "QUOTA_WARNING 2026-02-02T05:11:00Z KZ-75 2026 ALL limit=12 util=11"
                                + " permit=W11",
                        "QUOTA_BREACH 2026-02-02T05:13:00Z KZ-75 2026 CAT2 limit=10 util=11"
                                + " permit=W13",
                        "QUOTA_BREACH 2026-02-02T05:13:00Z KZ-75 2026 ALL limit=12 util=13"
                                + " permit=W13");
        for (JsonNode w : out.alerts("QUOTA_WARNING")) {
            assertThat(w.get("severity").asText()).isEqualTo("WARNING");
            assertThat(w.get("audience").asText()).isEqualTo("DUTY_OFFICER");
            assertThat(w.get("subjectRef").isNull()).as("a quota warning names no person").isTrue();
        }
        for (JsonNode b : out.alerts("QUOTA_BREACH")) {
            assertThat(b.get("severity").asText()).isEqualTo("MAJOR");
            assertThat(b.get("audience").asText()).isEqualTo("SECURITY");
            assertThat(b.get("subjectRef").asText()).isEqualTo(ReplayRun.subjectRef("P13"));
            assertThat(b.toString()).doesNotContain("\"P13\"");
        }
        assertThat(out.alerts().stream().map(a -> a.get("alertId").asText()).distinct())
                .hasSize(out.alerts().size());
    }

    @Test
    void warnsAtTheQuotaRecordAndAgainOnlyAfterUtilisationFellBelowNinetyPercent() {
        ReplayRun run = new ReplayRun(dir);
        List<String> employment = new ArrayList<>();
        // Nine CAT3 permits before any quota exists: nothing to compare with, no alert.
        for (int n = 1; n <= 9; n++) {
            employment.add(issue("KZ-71", n, "CAT3", "2026-03-02T10:0" + n + ":00+05:00"));
        }
        employment.add(issue("KZ-71", 10, "CAT3", "2026-03-06T10:00:00+05:00"));
        employment.add(
                permitRevoked("r10", "2026-03-07T10:00:00+05:00", "P10", "UZB", "W10", "KZ-71"));
        employment.add(
                permitRevoked("r2", "2026-03-08T10:00:00+05:00", "P2", "UZB", "W2", "KZ-71"));
        employment.add(issue("KZ-71", 11, "CAT3", "2026-03-09T10:00:00+05:00"));
        run.add("employment", employment.toArray(String[]::new));
        run.add(
                "reference-data",
                quota("q1", "2026-03-05T09:00:00+05:00", 2026, "KZ-71", "CAT3", 10),
                quota("q2", "2026-03-10T09:00:00+05:00", 2026, "KZ-71", "CAT3", 20),
                quota("q3", "2026-03-11T09:00:00+05:00", 2026, "KZ-71", "CAT3", 10));

        ReplayRun.Outputs out = run.run();

        // 03-05 q1 sets 10 with 9 active (90%): warning at the record, no permit.
        // 03-06 W10 -> 10 (100%): still warned, and 10 is not above 10: nothing.
        // 03-07 revoke W10 -> 9 (90%): not below 90%, stays warned.
        // 03-08 revoke W2 -> 8 (80%): below, re-armed.   03-09 W11 -> 9 (90%): warning again.
        // 03-10 q2 raises to 20 -> 9/20 = 45%: re-armed, no alert. 03-11 q3 back to 10 -> 90%:
        // warning.
        assertThat(quotaLines(out))
                .containsExactly(
                        "QUOTA_WARNING 2026-03-05T04:00:00Z KZ-71 2026 CAT3 limit=10 util=9"
                                + " permit=-",
                        "QUOTA_WARNING 2026-03-09T05:00:00Z KZ-71 2026 CAT3 limit=10 util=9"
                                + " permit=W11",
                        "QUOTA_WARNING 2026-03-11T04:00:00Z KZ-71 2026 CAT3 limit=10 util=9"
                                + " permit=-");
    }

    @Test
    void anExpiredPermitStopsCountingAtTheEndOfItsLastDay() {
        ReplayRun run = new ReplayRun(dir);
        List<String> employment = new ArrayList<>();
        for (int n = 1; n <= 9; n++) {
            String until = n <= 3 ? "2026-04-10" : "2026-12-31";
            employment.add(
                    permitIssued(
                            "e" + n,
                            "2026-04-02T10:0" + n + ":00+05:00",
                            "P" + n,
                            "UZB",
                            "W" + n,
                            "KZ-19",
                            "CAT4",
                            until));
        }
        employment.add(issue("KZ-19", 10, "CAT4", "2026-04-10T23:30:00+05:00"));
        employment.add(issue("KZ-19", 11, "CAT4", "2026-04-10T23:40:00+05:00"));
        employment.add(issue("KZ-19", 12, "CAT4", "2026-04-11T09:00:00+05:00"));
        run.add("employment", employment.toArray(String[]::new));
        run.add(
                "reference-data",
                quota("q1", "2026-04-01T00:00:00+05:00", 2026, "KZ-19", "CAT4", 10));

        ReplayRun.Outputs out = run.run();

        // W9 -> 9 of 10: warning. On 04-10 W1..W3 are still active (their last day), so W10 -> 10
        // and
        // W11 -> 11 > 10: breach. At 04-11T00:00+05:00 W1..W3 expire -> 8 (80%): re-armed.
        // W12 -> 9: warning again.
        assertThat(quotaLines(out))
                .containsExactly(
                        "QUOTA_WARNING 2026-04-02T05:09:00Z KZ-19 2026 CAT4 limit=10 util=9"
                                + " permit=W9",
                        "QUOTA_BREACH 2026-04-10T18:40:00Z KZ-19 2026 CAT4 limit=10 util=11"
                                + " permit=W11",
                        "QUOTA_WARNING 2026-04-11T04:00:00Z KZ-19 2026 CAT4 limit=10 util=9"
                                + " permit=W12");
    }

    @Test
    void aZeroLimitBreachesAtEveryIssueAndLoweringALimitOnlyWarns() {
        ReplayRun run = new ReplayRun(dir);
        run.add(
                "reference-data",
                quota("q0", "2026-01-01T00:00:00+05:00", 2026, "KZ-71", "SEASONAL", 0),
                quota("q1", "2026-01-01T00:00:00+05:00", 2026, "KZ-75", "CAT1", 5),
                quota("q2", "2026-05-10T12:00:00+05:00", 2026, "KZ-75", "CAT1", 2));
        run.add(
                "employment",
                issue("KZ-71", 1, "SEASONAL", "2026-05-01T10:00:00+05:00"),
                issue("KZ-71", 2, "SEASONAL", "2026-05-01T11:00:00+05:00"),
                issue("KZ-75", 3, "CAT1", "2026-05-02T10:00:00+05:00"),
                issue("KZ-75", 4, "CAT1", "2026-05-02T11:00:00+05:00"),
                issue("KZ-75", 5, "CAT1", "2026-05-02T12:00:00+05:00"),
                issue("KZ-75", 6, "CAT1", "2026-05-11T10:00:00+05:00"));

        ReplayRun.Outputs out = run.run();

        // KZ-71 SEASONAL limit 0: W1 -> 1 > 0, W2 -> 2 > 0: two breaches; a 0 limit never warns.
        // KZ-75 CAT1 limit 5: W3..W5 -> 3 (60%). q2 lowers it to 2 with 3 active: 150% >= 90% warns
        // at the record, but lowering raises no breach. W6 -> 4 > 2: breach.
        assertThat(quotaLines(out))
                .containsExactly(
                        "QUOTA_BREACH 2026-05-01T05:00:00Z KZ-71 2026 SEASONAL limit=0 util=1"
                                + " permit=W1",
                        "QUOTA_BREACH 2026-05-01T06:00:00Z KZ-71 2026 SEASONAL limit=0 util=2"
                                + " permit=W2",
                        "QUOTA_WARNING 2026-05-10T07:00:00Z KZ-75 2026 CAT1 limit=2 util=3"
                                + " permit=-",
                        "QUOTA_BREACH 2026-05-11T05:00:00Z KZ-75 2026 CAT1 limit=2 util=4"
                                + " permit=W6");
        assertThat(out.alerts("QUOTA_BREACH").get(1).get("subjectRef").asText())
                .isEqualTo(ReplayRun.subjectRef("P2"));
    }

    @Test
    void onlyPermitsIssuedOnALocalDateInTheQuotaYearCount() {
        ReplayRun run = new ReplayRun(dir);
        run.add(
                "reference-data",
                quota("q1", "2025-12-01T00:00:00+05:00", 2026, "KZ-71", "CAT1", 2));
        run.add(
                "employment",
                // 2025-12-31T23:00+05:00: local date in 2025 (it is 2026 nowhere yet): not counted.
                permitIssued(
                        "e1",
                        "2025-12-31T18:00:00Z",
                        "P1",
                        "UZB",
                        "W1",
                        "KZ-71",
                        "CAT1",
                        "2026-12-31"),
                // 19:30Z is 2026-01-01T00:30+05:00: local date in 2026, counted (though UTC says
                // 2025).
                permitIssued(
                        "e2",
                        "2025-12-31T19:30:00Z",
                        "P2",
                        "UZB",
                        "W2",
                        "KZ-71",
                        "CAT1",
                        "2026-12-31"),
                issue("KZ-71", 3, "CAT1", "2026-01-05T10:00:00+05:00"),
                issue("KZ-71", 4, "CAT1", "2026-01-06T10:00:00+05:00"));

        ReplayRun.Outputs out = run.run();

        // 2026 counts W2, W3 -> 2 of 2 (100%): warning at W3; W4 -> 3 > 2: breach.
        assertThat(quotaLines(out))
                .containsExactly(
                        "QUOTA_WARNING 2026-01-05T05:00:00Z KZ-71 2026 CAT1 limit=2 util=2"
                                + " permit=W3",
                        "QUOTA_BREACH 2026-01-06T05:00:00Z KZ-71 2026 CAT1 limit=2 util=3"
                                + " permit=W4");
    }

    @Test
    void aReissuedPermitReplacesTheOldOneAndRevokingAnUnknownPermitDoesNothing() {
        ReplayRun run = new ReplayRun(dir);
        run.add(
                "reference-data",
                quota("q1", "2026-01-01T00:00:00+05:00", 2026, "KZ-75", "CAT2", 3));
        run.add(
                "employment",
                issue("KZ-75", 1, "CAT2", "2026-06-01T10:00:00+05:00"),
                // W1 again (new eventId): replaces W1, so still 1 active.
                permitIssued(
                        "e1b",
                        "2026-06-02T10:00:00+05:00",
                        "P1",
                        "UZB",
                        "W1",
                        "KZ-75",
                        "CAT2",
                        "2026-12-31"),
                issue("KZ-75", 2, "CAT2", "2026-06-03T10:00:00+05:00"),
                permitRevoked("rx", "2026-06-04T10:00:00+05:00", "P9", "UZB", "W99", "KZ-75"),
                issue("KZ-75", 3, "CAT2", "2026-06-05T10:00:00+05:00"),
                // W3 reissued while warned: utilisation stays 3 of 3, it never fell below 90%.
                permitIssued(
                        "e3b",
                        "2026-06-06T10:00:00+05:00",
                        "P3",
                        "UZB",
                        "W3",
                        "KZ-75",
                        "CAT2",
                        "2026-12-31"));

        ReplayRun.Outputs out = run.run();

        // W1, W1', W2 -> 2 of 3 (20 < 27, no warning; counted twice it would be 3 and warn at W2).
        // Revoking unknown W99 leaves 2. W3 -> 3 of 3 (30 >= 27): warning, 3 is not above 3.
        // W3 reissued: 3 of 3 again, no new warning and no breach.
        assertThat(quotaLines(out))
                .containsExactly(
                        "QUOTA_WARNING 2026-06-05T05:00:00Z KZ-75 2026 CAT2 limit=3 util=3"
                                + " permit=W3");
    }

    @Test
    void ofTwoQuotaRecordsWithTheSameIdentityAndInstantTheLowerStands() {
        ReplayRun run = new ReplayRun(dir);
        // Either eventId order: the lower limit (5) stands.
        run.add(
                "reference-data",
                quota("qa", "2026-01-01T00:00:00+05:00", 2026, "KZ-71", "CAT1", 10),
                quota("qb", "2026-01-01T00:00:00+05:00", 2026, "KZ-71", "CAT1", 5),
                quota("qc", "2026-01-01T00:00:00+05:00", 2026, "KZ-75", "CAT1", 5),
                quota("qd", "2026-01-01T00:00:00+05:00", 2026, "KZ-75", "CAT1", 10));
        List<String> employment = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            employment.add(issue("KZ-71", n, "CAT1", "2026-02-01T10:0" + n + ":00+05:00"));
            employment.add(issue("KZ-75", 10 + n, "CAT1", "2026-02-01T11:0" + n + ":00+05:00"));
        }
        run.add("employment", employment.toArray(String[]::new));

        ReplayRun.Outputs out = run.run();

        // Limit 5: #5 -> 5 of 5 (50 >= 45; #4 was 40 < 45) warns, #6 -> 6 > 5 breaches.
        assertThat(quotaLines(out))
                .containsExactly(
                        "QUOTA_WARNING 2026-02-01T05:05:00Z KZ-71 2026 CAT1 limit=5 util=5"
                                + " permit=W5",
                        "QUOTA_BREACH 2026-02-01T05:06:00Z KZ-71 2026 CAT1 limit=5 util=6"
                                + " permit=W6",
                        "QUOTA_WARNING 2026-02-01T06:05:00Z KZ-75 2026 CAT1 limit=5 util=5"
                                + " permit=W15",
                        "QUOTA_BREACH 2026-02-01T06:06:00Z KZ-75 2026 CAT1 limit=5 util=6"
                                + " permit=W16");
    }

    @Test
    void aQuotaChangedMidStreamGovernsFromItsOccurredAt() {
        ReplayRun run = new ReplayRun(dir);
        // The change is written first in the file: event time, not line order, decides.
        run.add(
                "reference-data",
                quota("q2", "2026-02-10T12:00:00+05:00", 2026, "KZ-71", "CAT2", 6),
                quota("q1", "2026-01-01T00:00:00+05:00", 2026, "KZ-71", "CAT2", 10));
        List<String> employment = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            employment.add(issue("KZ-71", n, "CAT2", "2026-02-01T10:0" + n + ":00+05:00"));
        }
        // At the very instant of the change: reference data is applied first, so limit 6 holds.
        employment.add(issue("KZ-71", 6, "CAT2", "2026-02-10T12:00:00+05:00"));
        employment.add(issue("KZ-71", 7, "CAT2", "2026-02-11T12:00:00+05:00"));
        run.add("employment", employment.toArray(String[]::new));

        ReplayRun.Outputs out = run.run();

        // Under 10: W1..W5 -> 5 (50%). q2 sets 6 with 5 active: 50 < 54, no warning.
        // W6 -> 6 of 6 (60 >= 54): warning with limit 6; W7 -> 7 > 6: breach with limit 6.
        // (Under the old limit 10 neither would be raised: 7 of 10 is 70%.)
        assertThat(quotaLines(out))
                .containsExactly(
                        "QUOTA_WARNING 2026-02-10T07:00:00Z KZ-71 2026 CAT2 limit=6 util=6"
                                + " permit=W6",
                        "QUOTA_BREACH 2026-02-11T07:00:00Z KZ-71 2026 CAT2 limit=6 util=7"
                                + " permit=W7");
        JsonNode breach = out.alerts("QUOTA_BREACH").get(0);
        assertThat(breach.get("subjectRef").asText()).isEqualTo(ReplayRun.subjectRef("P7"));
        assertThat(breach.get("citizenship").asText()).isEqualTo("UZB");
    }
}
