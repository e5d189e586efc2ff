package kz.migration.monitor.replay;

import static kz.migration.monitor.replay.InputLines.ALMATY;
import static kz.migration.monitor.replay.InputLines.SARYAGASH;
import static kz.migration.monitor.replay.InputLines.entry;
import static kz.migration.monitor.replay.InputLines.exit;
import static kz.migration.monitor.replay.InputLines.heading;
import static kz.migration.monitor.replay.ReplayEvents.entryBan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract's entry bans ("Entry bans"), case by case, through replay. Inputs in local time
 * (+05:00), outputs in UTC.
 */
class EntryBanReplayTest {

    @TempDir Path dir;

    /** {@code "raisedAt SEVERITY AUDIENCE region/city citizenship person banUntil"}. */
    private static List<String> bannedEntries(ReplayRun.Outputs out, String... persons) {
        List<String> rows = new ArrayList<>();
        for (JsonNode a : out.alerts("BANNED_ENTRY")) {
            rows.add(heading(a, persons) + " " + a.get("details").get("banUntil").asText());
        }
        return rows;
    }

    @Test
    void everyEntryOfABannedPersonIsReportedWhateverTheCitizenship() {
        // B1 (UZB, expelled): banned from Mar 1 to Feb 28, 2031; enters Mar 10 and, after an exit,
        //     again Mar 20: two alerts, at the checkpoints. The entry of Feb 20, before the ban,
        //     and the exit raise nothing.
        // K1 (KAZ): a citizen banned too (the ban's citizenship is informational): an alert.
        // F1 (UZB) has no ban: nothing.
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "reference-data",
                                entryBan("2026-03-01T09:00:00+05:00", "B1", "2031-02-28", "UZB"),
                                entryBan("2026-03-01T09:00:00+05:00", "K1", "2026-12-31", null))
                        .add(
                                "border-crossings",
                                entry("b0", "2026-02-20T10:00:00+05:00", "B1", "UZB", SARYAGASH),
                                exit("b1", "2026-02-25T10:00:00+05:00", "B1", "UZB", SARYAGASH),
                                entry("b2", "2026-03-10T10:00:00+05:00", "B1", "UZB", SARYAGASH),
                                exit("b3", "2026-03-12T10:00:00+05:00", "B1", "UZB", ALMATY),
                                entry("b4", "2026-03-20T10:00:00+05:00", "B1", "UZB", ALMATY),
                                entry("k1", "2026-04-01T10:00:00+05:00", "K1", "KAZ", ALMATY),
                                entry("f1", "2026-04-01T10:00:00+05:00", "F1", "UZB", ALMATY))
                        .run(Instant.parse("2026-04-02T00:00:00Z"));

        assertThat(bannedEntries(out, "B1", "K1", "F1"))
                .containsExactly(
                        "2026-03-10T05:00:00Z CRITICAL SECURITY KZ-61/Saryagash UZB B1 2031-02-28",
                        "2026-03-20T05:00:00Z CRITICAL SECURITY KZ-75/Almaty UZB B1 2031-02-28",
                        "2026-04-01T05:00:00Z CRITICAL SECURITY KZ-75/Almaty KAZ K1 2026-12-31");
        assertThat(out.alerts("BANNED_ENTRY"))
                .allSatisfy(
                        a -> {
                            assertThat(a.get("subjectRef").asText()).matches("[0-9a-f]{64}");
                            assertThat(a.toString()).doesNotContain("\"B1\"", "\"K1\"");
                        })
                .extracting(a -> a.get("alertId").asText())
                .doesNotHaveDuplicates();
        assertThat(out.deadLetters()).isEmpty();
    }

    @Test
    void aBanEndsAfterItsLastDayOrWhenARecordWithAnEarlierUntilLiftsIt() {
        // E1: banned until Mar 10. An entry at 23:59 on Mar 10 is banned, one at 00:00 on Mar 11
        //     (after an exit) is not.
        // L1: banned until 2031; on Mar 15 at 12:00 a record with until Mar 14, before its local
        //     date, lifts the ban: the entry at 11:00 that day is banned, the one at 13:00 not.
        // R1: a record at the very instant of the entry comes first (reference data first).
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "reference-data",
                                entryBan("2026-03-01T09:00:00+05:00", "E1", "2026-03-10", null),
                                entryBan("2026-03-01T09:00:00+05:00", "L1", "2031-02-28", null),
                                entryBan("2026-03-15T12:00:00+05:00", "L1", "2026-03-14", null),
                                entryBan("2026-03-16T10:00:00+05:00", "R1", "2026-03-16", null))
                        .add(
                                "border-crossings",
                                entry("e1", "2026-03-10T23:59:00+05:00", "E1", "TJK", SARYAGASH),
                                exit("e2", "2026-03-10T23:59:30+05:00", "E1", "TJK", SARYAGASH),
                                entry("e3", "2026-03-11T00:00:00+05:00", "E1", "TJK", SARYAGASH),
                                entry("l1", "2026-03-15T11:00:00+05:00", "L1", "TJK", ALMATY),
                                exit("l2", "2026-03-15T11:30:00+05:00", "L1", "TJK", ALMATY),
                                entry("l3", "2026-03-15T13:00:00+05:00", "L1", "TJK", ALMATY),
                                entry("r1", "2026-03-16T10:00:00+05:00", "R1", "TJK", ALMATY))
                        .run(Instant.parse("2026-03-17T00:00:00Z"));

        assertThat(bannedEntries(out, "E1", "L1", "R1"))
                .containsExactly(
                        "2026-03-10T18:59:00Z CRITICAL SECURITY KZ-61/Saryagash TJK E1 2026-03-10",
                        "2026-03-15T06:00:00Z CRITICAL SECURITY KZ-75/Almaty TJK L1 2031-02-28",
                        "2026-03-16T05:00:00Z CRITICAL SECURITY KZ-75/Almaty TJK R1 2026-03-16");
    }

    @Test
    void ofTwoRecordsOfOnePersonAtOneInstantTheEarlierUntilStands() {
        // T1: 2027-12-31 and 2031-02-28 at the same instant: banned until 2027-12-31, so the
        //     entry of 2028 passes. T2: one of the pair lifts the ban at once: nothing, in
        //     whichever order the lines stand.
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "reference-data",
                                entryBan("2026-03-01T09:00:00+05:00", "T1", "2031-02-28", null),
                                entryBan("2026-03-01T09:00:00+05:00", "T1", "2027-12-31", null),
                                entryBan("2026-03-01T09:00:00+05:00", "T2", "2026-02-01", null),
                                entryBan("2026-03-01T09:00:00+05:00", "T2", "2031-02-28", null))
                        .add(
                                "border-crossings",
                                entry("t1", "2026-06-01T10:00:00+05:00", "T1", "IND", ALMATY),
                                exit("t2", "2026-06-05T10:00:00+05:00", "T1", "IND", ALMATY),
                                entry("t3", "2028-01-01T10:00:00+05:00", "T1", "IND", ALMATY),
                                entry("u1", "2026-06-01T10:00:00+05:00", "T2", "IND", ALMATY))
                        .run(Instant.parse("2028-01-02T00:00:00Z"));

        assertThat(bannedEntries(out, "T1", "T2"))
                .containsExactly(
                        "2026-06-01T05:00:00Z CRITICAL SECURITY KZ-75/Almaty IND T1 2027-12-31");
    }
}
