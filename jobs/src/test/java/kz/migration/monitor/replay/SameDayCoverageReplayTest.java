package kz.migration.monitor.replay;

import static kz.migration.monitor.replay.InputLines.ALMATY;
import static kz.migration.monitor.replay.InputLines.SARYAGASH;
import static kz.migration.monitor.replay.InputLines.employment;
import static kz.migration.monitor.replay.InputLines.entry;
import static kz.migration.monitor.replay.InputLines.exit;
import static kz.migration.monitor.replay.InputLines.summaries;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A day is covered by a document presented at any time of that day, also for a stay that ended
 * earlier that day", through replay. Both people are IND (LIMITED: 14 days per entry, 42 in any
 * 180), whose small figures make the window rule bite before the per-entry one. Each case gives the
 * day-by-day count of distinct uncovered stay days in the window; one day counted wrongly would
 * move every alert a day earlier.
 */
class SameDayCoverageReplayTest {

    @TempDir Path dir;

    @Test
    void aVisaAtAnEveningEntryCoversTheDayOfTheMorningExit() {
        // A: Mar 1 .. exit Mar 14 08:00: Mar 1..14 uncovered, 14 (the 14th per entry is lawful).
        // B: entry Mar 14 20:00 with a visa to Mar 16: Mar 14, 15, 16 covered, also Mar 14 for the
        //    window, although A's exit had counted it uncovered in the morning. Uncovered
        //    Mar 17..30 (exit 08:00) = 14, lawful per entry.
        //    Window so far: Mar 1..13 (13) + Mar 17..30 (14) = 27.
        // C: Apr 5 .. exit Apr 18 08:00: 14 uncovered, lawful per entry; window 27 + 14 = 41.
        // D: entry Apr 25 10:00, stays: Apr 25 = 42nd (lawful), Apr 26 = 43rd, the 1st unlawful
        //    day (D's own day 2); every later day stays above 42: the 4th is Apr 29, the 11th
        //    May 6. (Counting Mar 14 would make Apr 25 the 43rd: all a day early.) The 180 days
        //    ending on May 6 start on Nov 8, 2025: everything is in the window.
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "border-crossings",
                                entry("v1", "2026-03-01T10:00:00+05:00", "V", "IND", SARYAGASH),
                                exit("v2", "2026-03-14T08:00:00+05:00", "V", "IND", SARYAGASH),
                                entry(
                                        "v3",
                                        "2026-03-14T20:00:00+05:00",
                                        "V",
                                        "IND",
                                        SARYAGASH,
                                        "permitUntil",
                                        "2026-03-16"),
                                exit("v4", "2026-03-30T08:00:00+05:00", "V", "IND", SARYAGASH),
                                entry("v5", "2026-04-05T10:00:00+05:00", "V", "IND", SARYAGASH),
                                exit("v6", "2026-04-18T08:00:00+05:00", "V", "IND", SARYAGASH),
                                entry("v7", "2026-04-25T10:00:00+05:00", "V", "IND", ALMATY))
                        .run(Instant.parse("2026-05-08T00:00:00Z"));

        assertThat(summaries(out.alerts(), "V"))
                .containsExactly(
                        "OVERSTAY 2026-04-26T19:00:00Z WARNING 1 KZ-75/Almaty IND V",
                        "OVERSTAY 2026-04-29T19:00:00Z MAJOR 4 KZ-75/Almaty IND V",
                        "OVERSTAY 2026-05-06T19:00:00Z CRITICAL 11 KZ-75/Almaty IND V");
    }

    @Test
    void aPermitIssuedAfterTheExitCoversThatDayForLaterDaysButNotForTheEndedOverstay() {
        // A: Mar 1 .. exit Mar 16 08:00: Mar 1..16 uncovered; Mar 15 and 16 are the 15th and 16th
        //    per entry: unlawful. OVERSTAY 1 at the end of Mar 15; at the exit OVERSTAY_ENDED 2
        //    (Mar 15, 16), counting the exit day as known then.
        // A permit issued Mar 16 15:00 (permitUntil Mar 20) covers Mar 16 from then on: the ended
        //    stay's alert stands, but the window holds Mar 1..15 only: 15.
        // B: Apr 1 .. exit Apr 14 08:00: 14 uncovered, lawful per entry; window 15 + 14 = 29.
        // C: entry Apr 20 10:00, stays: Apr 20 = 30th, May 2 = 42nd, May 3 = 43rd (C's day 14, so
        //    the window rule, not the per-entry one): 1st unlawful. 4th May 6, 11th May 13.
        //    (Counting Mar 16 would give May 2, May 5 and May 12.)
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "border-crossings",
                                entry("w1", "2026-03-01T10:00:00+05:00", "W", "IND", SARYAGASH),
                                exit("w2", "2026-03-16T08:00:00+05:00", "W", "IND", SARYAGASH),
                                entry("w3", "2026-04-01T10:00:00+05:00", "W", "IND", SARYAGASH),
                                exit("w4", "2026-04-14T08:00:00+05:00", "W", "IND", SARYAGASH),
                                entry("w5", "2026-04-20T10:00:00+05:00", "W", "IND", ALMATY))
                        .add(
                                "employment",
                                employment(
                                        "e1",
                                        "2026-03-16T15:00:00+05:00",
                                        "W",
                                        "IND",
                                        "PERMIT_ISSUED",
                                        "KZ-75",
                                        "Almaty",
                                        "permitId",
                                        "WP-W",
                                        "category",
                                        "CAT3",
                                        "permitUntil",
                                        "2026-03-20"))
                        .run(Instant.parse("2026-05-15T00:00:00Z"));

        assertThat(summaries(out.alerts(), "W"))
                .containsExactly(
                        "OVERSTAY 2026-03-15T19:00:00Z WARNING 1 KZ-61/Saryagash IND W",
                        // 08:00+05:00 = 03:00Z, at the exit's checkpoint
                        "OVERSTAY_ENDED 2026-03-16T03:00:00Z WARNING 2 KZ-61/Saryagash IND W",
                        "OVERSTAY 2026-05-03T19:00:00Z WARNING 1 KZ-75/Almaty IND W",
                        "OVERSTAY 2026-05-06T19:00:00Z MAJOR 4 KZ-75/Almaty IND W",
                        "OVERSTAY 2026-05-13T19:00:00Z CRITICAL 11 KZ-75/Almaty IND W");
    }
}
