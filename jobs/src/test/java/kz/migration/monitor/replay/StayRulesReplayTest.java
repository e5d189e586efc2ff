package kz.migration.monitor.replay;

import static kz.migration.monitor.replay.InputLines.ALMATY;
import static kz.migration.monitor.replay.InputLines.SARYAGASH;
import static kz.migration.monitor.replay.InputLines.employment;
import static kz.migration.monitor.replay.InputLines.entry;
import static kz.migration.monitor.replay.InputLines.exit;
import static kz.migration.monitor.replay.InputLines.registration;
import static kz.migration.monitor.replay.InputLines.summaries;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract's stay rules ("Stays and overstays"), case by case, through replay.
 *
 * <p>Expected alerts are worked out by hand from the contract. Days are calendar days at UTC+05:00;
 * day n of a stay counts the entry day as day 1; the end of local day D is D 00:00+05:00 + 1 day,
 * i.e. 19:00Z on D. Inputs are written in local time, outputs come back in UTC.
 */
class StayRulesReplayTest {

    @TempDir Path dir;

    @Test
    void defaultGroupOverstayRaisesAtFirstFourthAndEleventhUnlawfulDayAndEndsAtExit() {
        // UZB is DEFAULT (30 per entry, 90 in 180). Entry Mar 1 = day 1, Mar 30 = day 30.
        // Unlawful: Mar 31 (1st), Apr 3 (4th), Apr 10 (11th) ... Apr 20 (exit day): 1 + 20 = 21.
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "border-crossings",
                                entry("c1", "2026-03-01T10:00:00+05:00", "P1", "UZB", SARYAGASH),
                                exit("c2", "2026-04-20T10:00:00+05:00", "P1", "UZB", ALMATY))
                        .run(Instant.parse("2026-04-25T00:00:00Z"));

        assertThat(summaries(out.alerts(), "P1"))
                .containsExactly(
                        "OVERSTAY 2026-03-31T19:00:00Z WARNING 1 KZ-61/Saryagash UZB P1",
                        "OVERSTAY 2026-04-03T19:00:00Z MAJOR 4 KZ-61/Saryagash UZB P1",
                        "OVERSTAY 2026-04-10T19:00:00Z CRITICAL 11 KZ-61/Saryagash UZB P1",
                        // raised at the exit, 10:00+05:00 = 05:00Z, at the exit's checkpoint
                        "OVERSTAY_ENDED 2026-04-20T05:00:00Z CRITICAL 21 KZ-75/Almaty UZB P1");
        assertThat(out.alerts())
                .allSatisfy(
                        a -> {
                            assertThat(a.get("audience").asText()).isEqualTo("SECURITY");
                            assertThat(a.get("subjectRef").asText()).matches("[0-9a-f]{64}");
                            assertThat(a.toString()).doesNotContain("\"P1\"");
                        });
        assertThat(out.alerts()).extracting(a -> a.get("alertId").asText()).doesNotHaveDuplicates();
    }

    @Test
    void eaeuGroupHasNinetyDaysPerEntry() {
        // RUS is EAEU (90, 90). Entry Jan 10 = day 1; Jan 10..31 = 22, Feb = 28 (50), Mar = 31
        // (81),
        // Apr 1..9 = 9 (90): day 90 = Apr 9, lawful. Day 91 = Apr 10 is the 1st unlawful day, for
        // both rules at once; a DEFAULT limit would have fired on Feb 9. The 4th would be Apr 13.
        // BLR enters Feb 1 and leaves on day 90 (May 1: Feb 28 + Mar 31 + Apr 30 + 1 = 90):
        // nothing.
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "border-crossings",
                                entry("r1", "2026-01-10T12:00:00+05:00", "R1", "RUS", SARYAGASH),
                                entry("b1", "2026-02-01T12:00:00+05:00", "B1", "BLR", ALMATY),
                                exit("b2", "2026-05-01T12:00:00+05:00", "B1", "BLR", ALMATY))
                        .run(Instant.parse("2026-05-02T00:00:00Z"));

        assertThat(summaries(out.alerts(), "R1", "B1"))
                .containsExactly(
                        "OVERSTAY 2026-04-10T19:00:00Z WARNING 1 KZ-61/Saryagash RUS R1",
                        "OVERSTAY 2026-04-13T19:00:00Z MAJOR 4 KZ-61/Saryagash RUS R1",
                        "OVERSTAY 2026-04-20T19:00:00Z CRITICAL 11 KZ-61/Saryagash RUS R1");
    }

    @Test
    void limitedGroupHasFourteenDaysPerEntryAndCitizensHaveNoLimit() {
        // IND is LIMITED (14, 42). Entry May 1 = day 1, May 14 = day 14; unlawful from May 15:
        // 1st May 15, 4th May 18, 11th May 25.
        // IRN enters May 10 at 20:00+05:00 (15:00Z, still May 10 locally): day 15 = May 24; exits
        // May 26: unlawful May 24, 25, 26 = 3, a WARNING.
        // KAZ has been present since Nov 2025, more than 200 days: never an alert.
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "border-crossings",
                                entry("i1", "2026-05-01T08:00:00+05:00", "I1", "IND", ALMATY),
                                entry("i2", "2026-05-10T20:00:00+05:00", "I2", "IRN", ALMATY),
                                exit("i3", "2026-05-26T09:00:00+05:00", "I2", "IRN", SARYAGASH),
                                entry("k1", "2025-11-01T08:00:00+05:00", "K1", "KAZ", ALMATY))
                        .run(Instant.parse("2026-05-27T00:00:00Z"));

        assertThat(summaries(out.alerts(), "I1", "I2", "K1"))
                .containsExactlyInAnyOrder(
                        "OVERSTAY 2026-05-15T19:00:00Z WARNING 1 KZ-75/Almaty IND I1",
                        "OVERSTAY 2026-05-18T19:00:00Z MAJOR 4 KZ-75/Almaty IND I1",
                        "OVERSTAY 2026-05-25T19:00:00Z CRITICAL 11 KZ-75/Almaty IND I1",
                        "OVERSTAY 2026-05-24T19:00:00Z WARNING 1 KZ-75/Almaty IRN I2",
                        "OVERSTAY_ENDED 2026-05-26T04:00:00Z WARNING 3 KZ-61/Saryagash IRN I2");
    }

    @Test
    void entryAndExitDaysBothCountAndAnExitOnTheFirstUnlawfulDayRaisesOnlyTheEnd() {
        // E30: Mar 1 .. exit Mar 30 late in the evening = 30 days: lawful, nothing.
        // E31: Mar 1 .. exit Mar 31 morning: Mar 31 is day 31, unlawful, but E31 is not present at
        //      its end, so no OVERSTAY; OVERSTAY_ENDED 1 WARNING at the exit's checkpoint.
        // L31: enters Feb 28 at 23:30+05:00 (half an hour is a day): Feb 28 = day 1, Mar n = day
        //      n+1, so the exit on Mar 30 at 00:30+05:00 (Mar 29 19:30Z) is on day 31.
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "border-crossings",
                                entry("a1", "2026-03-01T10:00:00+05:00", "E30", "UZB", SARYAGASH),
                                exit("a2", "2026-03-30T23:59:00+05:00", "E30", "UZB", SARYAGASH),
                                entry("b1", "2026-03-01T10:00:00+05:00", "E31", "UZB", SARYAGASH),
                                exit("b2", "2026-03-31T09:00:00+05:00", "E31", "UZB", ALMATY),
                                entry("c1", "2026-02-28T23:30:00+05:00", "L31", "TJK", SARYAGASH),
                                exit("c2", "2026-03-30T00:30:00+05:00", "L31", "TJK", ALMATY))
                        .run(Instant.parse("2026-04-05T00:00:00Z"));

        assertThat(summaries(out.alerts(), "E30", "E31", "L31"))
                .containsExactly(
                        "OVERSTAY_ENDED 2026-03-29T19:30:00Z WARNING 1 KZ-75/Almaty TJK L31",
                        "OVERSTAY_ENDED 2026-03-31T04:00:00Z WARNING 1 KZ-75/Almaty UZB E31");
    }

    @Test
    void overstayEndedSeverityFollowsTheTiersOfArticle517() {
        // All enter Mar 1 (DEFAULT): unlawful from Mar 31. Exit on
        //   Apr 2  -> Mar 31, Apr 1, 2          =  3 WARNING (OVERSTAY 1 on Mar 31)
        //   Apr 3  -> + Apr 3                   =  4 MAJOR   (4th is the exit day: no OVERSTAY 4)
        //   Apr 9  -> Mar 31 + Apr 1..9         = 10 MAJOR   (OVERSTAY 1, 4 on Apr 3)
        //   Apr 10 -> + Apr 10                  = 11 CRITICAL (11th is the exit day: no OVERSTAY
        // 11)
        ReplayRun run = new ReplayRun(dir);
        String[][] people = {{"T3", "02"}, {"T4", "03"}, {"T10", "09"}, {"T11", "10"}};
        for (String[] p : people) {
            run.add(
                    "border-crossings",
                    entry(p[0] + "-in", "2026-03-01T10:00:00+05:00", p[0], "TJK", SARYAGASH),
                    exit(
                            p[0] + "-out",
                            "2026-04-" + p[1] + "T12:00:00+05:00",
                            p[0],
                            "TJK",
                            ALMATY));
        }
        ReplayRun.Outputs out = run.run(Instant.parse("2026-04-15T00:00:00Z"));

        assertThat(summaries(out.alerts("OVERSTAY_ENDED"), "T3", "T4", "T10", "T11"))
                .containsExactly(
                        "OVERSTAY_ENDED 2026-04-02T07:00:00Z WARNING 3 KZ-75/Almaty TJK T3",
                        "OVERSTAY_ENDED 2026-04-03T07:00:00Z MAJOR 4 KZ-75/Almaty TJK T4",
                        "OVERSTAY_ENDED 2026-04-09T07:00:00Z MAJOR 10 KZ-75/Almaty TJK T10",
                        "OVERSTAY_ENDED 2026-04-10T07:00:00Z CRITICAL 11 KZ-75/Almaty TJK T11");
        assertThat(summaries(out.alerts("OVERSTAY"), "T3", "T4", "T10", "T11"))
                .containsExactlyInAnyOrder(
                        "OVERSTAY 2026-03-31T19:00:00Z WARNING 1 KZ-61/Saryagash TJK T3",
                        "OVERSTAY 2026-03-31T19:00:00Z WARNING 1 KZ-61/Saryagash TJK T4",
                        "OVERSTAY 2026-03-31T19:00:00Z WARNING 1 KZ-61/Saryagash TJK T10",
                        "OVERSTAY 2026-03-31T19:00:00Z WARNING 1 KZ-61/Saryagash TJK T11",
                        "OVERSTAY 2026-04-03T19:00:00Z MAJOR 4 KZ-61/Saryagash TJK T10",
                        "OVERSTAY 2026-04-03T19:00:00Z MAJOR 4 KZ-61/Saryagash TJK T11");
    }

    @Test
    void theNinetyInOneEightyRuleCountsEarlierStays() {
        // DEFAULT, three lawful stays of 30 days with two-day gaps:
        //   Jan 1..Jan 30 (30), Feb 2..Mar 3 (27 + 3 = 30), Mar 6..Apr 4 (26 + 4 = 30): 90 days.
        // 4th stay from Apr 7: the 180 days ending on Apr 7 start on Oct 10, 2025, so all 90 are in
        // the window and Apr 7 is the 91st: unlawful on its first day although the stay's own
        // count is 1. Unlawful Apr 7..Apr 12 (exit) = 6: OVERSTAY 1 on Apr 7, 4 on Apr 10, and
        // OVERSTAY_ENDED 6 MAJOR.
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "border-crossings",
                                entry("s1", "2026-01-01T10:00:00+05:00", "W", "UZB", SARYAGASH),
                                exit("s2", "2026-01-30T10:00:00+05:00", "W", "UZB", SARYAGASH),
                                entry("s3", "2026-02-02T10:00:00+05:00", "W", "UZB", SARYAGASH),
                                exit("s4", "2026-03-03T10:00:00+05:00", "W", "UZB", SARYAGASH),
                                entry("s5", "2026-03-06T10:00:00+05:00", "W", "UZB", SARYAGASH),
                                exit("s6", "2026-04-04T10:00:00+05:00", "W", "UZB", SARYAGASH),
                                entry("s7", "2026-04-07T09:00:00+05:00", "W", "UZB", ALMATY),
                                exit("s8", "2026-04-12T09:00:00+05:00", "W", "UZB", SARYAGASH))
                        .run(Instant.parse("2026-04-20T00:00:00Z"));

        assertThat(summaries(out.alerts(), "W"))
                .containsExactly(
                        "OVERSTAY 2026-04-07T19:00:00Z WARNING 1 KZ-75/Almaty UZB W",
                        "OVERSTAY 2026-04-10T19:00:00Z MAJOR 4 KZ-75/Almaty UZB W",
                        "OVERSTAY_ENDED 2026-04-12T04:00:00Z MAJOR 6 KZ-61/Saryagash UZB W");
    }

    @Test
    void aDaySharedByTwoStaysIsOneDayOfTheWindow() {
        // DEFAULT, each stay leaves in the morning and the next starts that evening:
        //   A Jan 1..Jan 30 (30), B Jan 30..Feb 28 (2 + 28 = 30), C Feb 28..Mar 29 (1 + 29 = 30),
        //   D from Mar 29. No stay exceeds 30 days of its own.
        // Distinct days: Jan 31 + Feb 28 + Mar 1..29 29 = 88 by Mar 29; Mar 30 = 89, Mar 31 = 90,
        // Apr 1 = 91: first unlawful day. Counting the shared Jan 30, Feb 28 and Mar 29 twice would
        // make it Mar 29 already.
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add("border-crossings", InputLines.sharedDayStays("S", "UZB"))
                        .run(Instant.parse("2026-04-02T00:00:00Z"));

        assertThat(summaries(out.alerts(), "S"))
                .containsExactly("OVERSTAY 2026-04-01T19:00:00Z WARNING 1 KZ-75/Almaty UZB S");
    }

    @Test
    void daysLeaveTheWindowAfterOneHundredAndEightyDays() {
        // Both: Jan 1..30, Feb 10..Mar 11 (19 + 11), Mar 20..Apr 18 (12 + 18): 90 lawful days.
        // Jun 29 is day 180 of the year, so the window ending on Jun 29 starts on Jan 1.
        // EARLY re-enters Jun 29: 90 + 1 = 91, unlawful. On the k-th day after, Jan 1..Jan k have
        //   left the window and k+1 days of the new stay joined: 30 - k + 60 + k + 1 = 91 each day:
        //   OVERSTAY 1 Jun 29, 4 Jul 2, 11 Jul 9.
        // LATER re-enters Jun 30, when Jan 1 has left: 29 - k + 60 + k + 1 = 90, lawful until the
        //   per-entry limit: day 31 = Jul 30.
        ReplayRun run = new ReplayRun(dir);
        for (String[] p : new String[][] {{"EARLY", "29"}, {"LATER", "30"}}) {
            run.add(
                    "border-crossings",
                    entry(p[0] + "1", "2026-01-01T10:00:00+05:00", p[0], "UZB", SARYAGASH),
                    exit(p[0] + "2", "2026-01-30T10:00:00+05:00", p[0], "UZB", SARYAGASH),
                    entry(p[0] + "3", "2026-02-10T10:00:00+05:00", p[0], "UZB", SARYAGASH),
                    exit(p[0] + "4", "2026-03-11T10:00:00+05:00", p[0], "UZB", SARYAGASH),
                    entry(p[0] + "5", "2026-03-20T10:00:00+05:00", p[0], "UZB", SARYAGASH),
                    exit(p[0] + "6", "2026-04-18T10:00:00+05:00", p[0], "UZB", SARYAGASH),
                    entry(p[0] + "7", "2026-06-" + p[1] + "T10:00:00+05:00", p[0], "UZB", ALMATY));
        }
        ReplayRun.Outputs out = run.run(Instant.parse("2026-07-31T00:00:00Z"));

        assertThat(summaries(out.alerts(), "EARLY", "LATER"))
                .containsExactly(
                        "OVERSTAY 2026-06-29T19:00:00Z WARNING 1 KZ-75/Almaty UZB EARLY",
                        "OVERSTAY 2026-07-02T19:00:00Z MAJOR 4 KZ-75/Almaty UZB EARLY",
                        "OVERSTAY 2026-07-09T19:00:00Z CRITICAL 11 KZ-75/Almaty UZB EARLY",
                        "OVERSTAY 2026-07-30T19:00:00Z WARNING 1 KZ-75/Almaty UZB LATER");
    }

    @Test
    void anEntryWhilePresentContinuesTheStayAndAnExitWhileAbsentIsIgnored() {
        // C: entries Mar 1 (Saryagash) and Mar 15 (Almaty, a missed exit): one stay from Mar 1,
        //    so day 31 = Mar 31 (not Apr 14), at the stay's entry checkpoint; 4th Apr 3, 11th Apr
        // 10.
        // U: exit Mar 5 while absent (ignored, counted in flow-stats), stay Mar 10..Apr 12:
        //    day 31 = Apr 9 (Mar 10..31 = 22, Apr 1..9 = 9); unlawful Apr 9..12 = 4, the 4th on the
        //    exit day, so OVERSTAY 1 only and OVERSTAY_ENDED 4 MAJOR. The second exit, Apr 13, is
        //    unmatched again: no second OVERSTAY_ENDED.
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "border-crossings",
                                entry("c1", "2026-03-01T10:00:00+05:00", "C", "UZB", SARYAGASH),
                                entry("c2", "2026-03-15T10:00:00+05:00", "C", "UZB", ALMATY),
                                exit("u1", "2026-03-05T10:00:00+05:00", "U", "TJK", SARYAGASH),
                                entry("u2", "2026-03-10T10:00:00+05:00", "U", "TJK", SARYAGASH),
                                exit("u3", "2026-04-12T10:00:00+05:00", "U", "TJK", ALMATY),
                                exit("u4", "2026-04-13T10:00:00+05:00", "U", "TJK", ALMATY))
                        .run(Instant.parse("2026-04-14T00:00:00Z"));

        assertThat(summaries(out.alerts(), "C", "U"))
                .containsExactly(
                        "OVERSTAY 2026-03-31T19:00:00Z WARNING 1 KZ-61/Saryagash UZB C",
                        "OVERSTAY 2026-04-03T19:00:00Z MAJOR 4 KZ-61/Saryagash UZB C",
                        "OVERSTAY 2026-04-09T19:00:00Z WARNING 1 KZ-61/Saryagash TJK U",
                        "OVERSTAY 2026-04-10T19:00:00Z CRITICAL 11 KZ-61/Saryagash UZB C",
                        "OVERSTAY_ENDED 2026-04-12T05:00:00Z MAJOR 4 KZ-75/Almaty TJK U");
        // Unmatched exits are still valid crossings in the flow statistics (TJK is CIS).
        assertThat(out.stats("2026-03-05", "KZ-61", null).get("exits").asInt()).isEqualTo(1);
        assertThat(out.stats("2026-03-05", "KZ-61", null).get("exitsByGroup").get("CIS").asInt())
                .isEqualTo(1);
        assertThat(out.stats("2026-04-13", "KZ-75", "Almaty").get("exits").asInt()).isEqualTo(1);
        assertThat(out.stats("2026-03-15", "KZ-75", null).get("entries").asInt()).isEqualTo(1);
    }

    @Test
    void aVisaPresentedAtEntryCoversItsDaysAlsoInLaterStays() {
        // V1: entry Mar 1 with permitUntil Apr 15: Mar 1..Apr 15 covered. Uncovered from Apr 16:
        //     Apr 16..30 = 15, May 1..15 = 15 (30), May 16 = 31st: unlawful. Exit May 17: 2 days.
        // V2: entry Jan 5 with permitUntil Jun 30, exit Jan 20; back on Mar 1 without a visa: still
        //     covered to Jun 30; uncovered Jul 1..30 = 30, Jul 31 = 31st: unlawful.
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "border-crossings",
                                entry(
                                        "v1",
                                        "2026-03-01T10:00:00+05:00",
                                        "V1",
                                        "UZB",
                                        SARYAGASH,
                                        "permitUntil",
                                        "2026-04-15"),
                                exit("v2", "2026-05-17T08:00:00+05:00", "V1", "UZB", SARYAGASH),
                                entry(
                                        "w1",
                                        "2026-01-05T10:00:00+05:00",
                                        "V2",
                                        "CHN",
                                        ALMATY,
                                        "purpose",
                                        "BUSINESS",
                                        "permitUntil",
                                        "2026-06-30"),
                                exit("w2", "2026-01-20T10:00:00+05:00", "V2", "CHN", ALMATY),
                                entry("w3", "2026-03-01T10:00:00+05:00", "V2", "CHN", ALMATY))
                        .run(Instant.parse("2026-08-01T00:00:00Z"));

        assertThat(summaries(out.alerts(), "V1", "V2"))
                .containsExactly(
                        "OVERSTAY 2026-05-16T19:00:00Z WARNING 1 KZ-61/Saryagash UZB V1",
                        "OVERSTAY_ENDED 2026-05-17T03:00:00Z WARNING 2 KZ-61/Saryagash UZB V1",
                        "OVERSTAY 2026-07-31T19:00:00Z WARNING 1 KZ-75/Almaty CHN V2");
    }

    @Test
    void temporaryResidenceCoversToValidUntilOrItsDeregistrationAndNamesTheAlertRegion() {
        // Both enter Mar 1 and register temporary residence in Astana on Mar 20: uncovered
        // Mar 1..19 = 19.
        // T1: valid until Apr 30. Uncovered again May 1 (20th) .. May 11 (30th); May 12 unlawful.
        //     Alerts name the registered residence, Astana, not a checkpoint. Exit May 14:
        //     unlawful May 12, 13, 14 = 3.
        // T2: valid until Dec 31 but deregistered on Apr 30, which is still covered: the same
        //     May 12; with no residence left, the alert names the stay's entry checkpoint.
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "border-crossings",
                                entry("t1", "2026-03-01T10:00:00+05:00", "T1", "UZB", SARYAGASH),
                                exit("t2", "2026-05-14T10:00:00+05:00", "T1", "UZB", ALMATY),
                                entry("t3", "2026-03-01T10:00:00+05:00", "T2", "UZB", SARYAGASH))
                        .add(
                                "registrations",
                                registration(
                                        "r1",
                                        "2026-03-20T15:00:00+05:00",
                                        "T1",
                                        "UZB",
                                        "TEMPORARY_RESIDENCE",
                                        "KZ-71",
                                        "Astana",
                                        "validUntil",
                                        "2026-04-30"),
                                registration(
                                        "r2",
                                        "2026-03-20T15:00:00+05:00",
                                        "T2",
                                        "UZB",
                                        "TEMPORARY_RESIDENCE",
                                        "KZ-71",
                                        "Astana",
                                        "validUntil",
                                        "2026-12-31"),
                                registration(
                                        "r3",
                                        "2026-04-30T16:00:00+05:00",
                                        "T2",
                                        "UZB",
                                        "DEREGISTRATION",
                                        "KZ-71",
                                        "Astana"))
                        .run(Instant.parse("2026-05-15T00:00:00Z"));

        assertThat(summaries(out.alerts(), "T1", "T2"))
                .containsExactlyInAnyOrder(
                        "OVERSTAY 2026-05-12T19:00:00Z WARNING 1 KZ-71/Astana UZB T1",
                        "OVERSTAY 2026-05-12T19:00:00Z WARNING 1 KZ-61/Saryagash UZB T2",
                        "OVERSTAY_ENDED 2026-05-14T05:00:00Z WARNING 3 KZ-71/Astana UZB T1");
    }

    @Test
    void aWorkPermitCoversFromItsIssueToPermitUntilOrTheDayOfItsRevocation() {
        // Both enter Mar 1, a permit is issued on Mar 10: uncovered Mar 1..9 = 9.
        // W1: permit to Jun 30, revoked Apr 20 (that day still covered): Apr 21 = 10th,
        //     May 11 = 30th, May 12 unlawful.
        // W2: permit to Apr 10: Apr 11 = 10th, May 1 = 30th, May 2 unlawful; exit May 3: 2 days.
        // The workplace is no residence: alerts name checkpoints.
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "border-crossings",
                                entry("a1", "2026-03-01T10:00:00+05:00", "W1", "UZB", SARYAGASH),
                                entry("b1", "2026-03-01T10:00:00+05:00", "W2", "UZB", SARYAGASH),
                                exit("b2", "2026-05-03T09:00:00+05:00", "W2", "UZB", SARYAGASH))
                        .add(
                                "employment",
                                employment(
                                        "e1",
                                        "2026-03-10T12:00:00+05:00",
                                        "W1",
                                        "UZB",
                                        "PERMIT_ISSUED",
                                        "KZ-75",
                                        "Almaty",
                                        "permitId",
                                        "P-1",
                                        "category",
                                        "CAT3",
                                        "permitUntil",
                                        "2026-06-30"),
                                employment(
                                        "e2",
                                        "2026-04-20T12:00:00+05:00",
                                        "W1",
                                        "UZB",
                                        "PERMIT_REVOKED",
                                        "KZ-75",
                                        "Almaty",
                                        "permitId",
                                        "P-1"),
                                employment(
                                        "e3",
                                        "2026-03-10T12:00:00+05:00",
                                        "W2",
                                        "UZB",
                                        "PERMIT_ISSUED",
                                        "KZ-75",
                                        "Almaty",
                                        "permitId",
                                        "P-2",
                                        "category",
                                        "CAT3",
                                        "permitUntil",
                                        "2026-04-10"))
                        .run(Instant.parse("2026-05-13T00:00:00Z"));

        assertThat(summaries(out.alerts(), "W1", "W2"))
                .containsExactly(
                        "OVERSTAY 2026-05-02T19:00:00Z WARNING 1 KZ-61/Saryagash UZB W2",
                        "OVERSTAY_ENDED 2026-05-03T04:00:00Z WARNING 2 KZ-61/Saryagash UZB W2",
                        "OVERSTAY 2026-05-12T19:00:00Z WARNING 1 KZ-61/Saryagash UZB W1");
    }

    @Test
    void permanentResidenceCoversFromItsDayUntilADeregistration() {
        // Both enter; permanent residence in Astana from its day on.
        // R1: Mar 1 entry, residence Mar 25: uncovered Mar 1..24 = 24. Deregistered Jun 10
        //     (still covered): Jun 11 = 25th, Jun 16 = 30th, Jun 17 unlawful; no residence left,
        //     so the entry checkpoint.
        // R2: Jan 2 entry, residence Jan 20 (18 uncovered days), never deregistered: nothing, after
        //     more than 160 days.
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "border-crossings",
                                entry("a1", "2026-03-01T10:00:00+05:00", "R1", "AFG", SARYAGASH),
                                entry("b1", "2026-01-02T10:00:00+05:00", "R2", "AFG", SARYAGASH))
                        .add(
                                "registrations",
                                registration(
                                        "r1",
                                        "2026-03-25T11:00:00+05:00",
                                        "R1",
                                        "AFG",
                                        "PERMANENT_RESIDENCE",
                                        "KZ-71",
                                        "Astana"),
                                registration(
                                        "r2",
                                        "2026-06-10T11:00:00+05:00",
                                        "R1",
                                        "AFG",
                                        "DEREGISTRATION",
                                        "KZ-71",
                                        "Astana"),
                                registration(
                                        "r3",
                                        "2026-01-20T11:00:00+05:00",
                                        "R2",
                                        "AFG",
                                        "PERMANENT_RESIDENCE",
                                        "KZ-71",
                                        "Astana"))
                        .run(Instant.parse("2026-06-18T00:00:00Z"));

        assertThat(summaries(out.alerts(), "R1", "R2"))
                .containsExactly("OVERSTAY 2026-06-17T19:00:00Z WARNING 1 KZ-61/Saryagash AFG R1");
    }

    @Test
    void timeStandsAtAsOf() {
        // Entry Mar 1, exit Apr 2 at 10:00+05:00 (05:00Z). Mar 31 is the 1st unlawful day; its end
        // is 2026-03-31T19:00Z.
        String[] crossings = {
            entry("c1", "2026-03-01T10:00:00+05:00", "A", "UZB", SARYAGASH),
            exit("c2", "2026-04-02T10:00:00+05:00", "A", "UZB", ALMATY)
        };

        // A second before the day ends: no OVERSTAY yet, and the later exit is ignored entirely.
        ReplayRun.Outputs before =
                new ReplayRun(dir.resolve("before"))
                        .add("border-crossings", crossings)
                        .run(Instant.parse("2026-03-31T18:59:59Z"));
        assertThat(before.alerts()).isEmpty();
        assertThat(before.stats("2026-03-01", "KZ-61", null).get("entries").asInt()).isEqualTo(1);
        assertThat(before.stats("2026-04-02", "KZ-75", null)).isNull();

        // As-of exactly at the day's end: the day has ended.
        ReplayRun.Outputs atEnd =
                new ReplayRun(dir.resolve("at-end"))
                        .add("border-crossings", crossings)
                        .run(Instant.parse("2026-03-31T19:00:00Z"));
        assertThat(summaries(atEnd.alerts(), "A"))
                .containsExactly("OVERSTAY 2026-03-31T19:00:00Z WARNING 1 KZ-61/Saryagash UZB A");

        // Default: the latest occurredAt, the exit: Mar 31, Apr 1, Apr 2 = 3 unlawful days.
        ReplayRun.Outputs latest =
                new ReplayRun(dir.resolve("latest")).add("border-crossings", crossings).run();
        assertThat(summaries(latest.alerts(), "A"))
                .containsExactly(
                        "OVERSTAY 2026-03-31T19:00:00Z WARNING 1 KZ-61/Saryagash UZB A",
                        "OVERSTAY_ENDED 2026-04-02T05:00:00Z WARNING 3 KZ-75/Almaty UZB A");
    }

    @Test
    void anExitExactlyAtMidnightCountsAfterTheWakeUpWasMoved() {
        // Entry Mar 1; temporary residence Mar 10..Mar 20; exit at 00:00+05:00 on Apr 1, the very
        // instant at which the person was first due to be looked at again (end of Mar 31, before
        // the registration moved that to the end of Mar 20). Uncovered: Mar 1..9 (9),
        // Mar 21..31 (11) and Apr 1 (1) = 21: lawful, no alert. Were the exit lost, the person
        // would stay and overstay from Apr 11.
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "border-crossings",
                                entry("c1", "2026-03-01T10:00:00+05:00", "M", "UZB", SARYAGASH),
                                exit("c2", "2026-04-01T00:00:00+05:00", "M", "UZB", SARYAGASH))
                        .add(
                                "registrations",
                                registration(
                                        "r1",
                                        "2026-03-10T12:00:00+05:00",
                                        "M",
                                        "UZB",
                                        "TEMPORARY_RESIDENCE",
                                        "KZ-71",
                                        "Astana",
                                        "validUntil",
                                        "2026-03-20"))
                        .run(Instant.parse("2026-04-15T00:00:00Z"));

        assertThat(out.alerts()).isEmpty();
        assertThat(out.stats("2026-04-01", "KZ-61", "Saryagash").get("exits").asInt()).isEqualTo(1);
    }
}
