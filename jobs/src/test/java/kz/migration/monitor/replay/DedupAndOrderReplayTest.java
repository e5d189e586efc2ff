package kz.migration.monitor.replay;

import static kz.migration.monitor.replay.InputLines.ALMATY;
import static kz.migration.monitor.replay.InputLines.SARYAGASH;
import static kz.migration.monitor.replay.InputLines.employment;
import static kz.migration.monitor.replay.InputLines.entry;
import static kz.migration.monitor.replay.InputLines.exit;
import static kz.migration.monitor.replay.InputLines.registration;
import static kz.migration.monitor.replay.InputLines.summaries;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract's "Bad input and duplicates" and the order in which events are taken, through
 * replay: duplicates, dead letters, blank lines, events sharing an instant, and files in any line
 * order. Day arithmetic as in {@link StayRulesReplayTest}: local days at UTC+05:00, a day ends at
 * 19:00Z.
 */
class DedupAndOrderReplayTest {

    @TempDir Path dir;

    @Test
    void aDuplicateEventIdCountsOnceAsItsEarliestCopy() {
        // c1 comes three times: Mar 5 at Almaty (first in the file), Mar 1 at Saryagash (the
        // earliest: it counts), and 55 days later. The stay runs from Mar 1: day 31 = Mar 31; the
        // exit x1 (twice, the same line) on Apr 2: unlawful Mar 31, Apr 1, Apr 2 = 3. Had the Apr
        // 25
        // copy counted, a new stay would overstay from May 25.
        // "c1" in registrations is another stream's id: not a duplicate.
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "border-crossings",
                                entry("c1", "2026-03-05T10:00:00+05:00", "P1", "UZB", ALMATY),
                                entry("c1", "2026-03-01T10:00:00+05:00", "P1", "UZB", SARYAGASH),
                                exit("x1", "2026-04-02T10:00:00+05:00", "P1", "UZB", SARYAGASH),
                                exit("x1", "2026-04-02T10:00:00+05:00", "P1", "UZB", SARYAGASH),
                                entry("c1", "2026-04-25T10:00:00+05:00", "P1", "UZB", SARYAGASH))
                        .add(
                                "registrations",
                                registration(
                                        "c1",
                                        "2026-03-01T10:00:00+05:00",
                                        "K1",
                                        "KAZ",
                                        "PERMANENT_RESIDENCE",
                                        "KZ-71",
                                        "Astana"))
                        .run(Instant.parse("2026-06-01T00:00:00Z"));

        assertThat(summaries(out.alerts(), "P1"))
                .containsExactly(
                        "OVERSTAY 2026-03-31T19:00:00Z WARNING 1 KZ-61/Saryagash UZB P1",
                        "OVERSTAY_ENDED 2026-04-02T05:00:00Z WARNING 3 KZ-61/Saryagash UZB P1");
        assertThat(out.deadLetters()).isEmpty();
        assertThat(out.stats("2026-03-01", "KZ-61", null).get("entries").asInt()).isEqualTo(1);
        assertThat(entries(out, "2026-03-05", "KZ-75")).isZero();
        assertThat(out.stats("2026-04-02", "KZ-61", null).get("exits").asInt()).isEqualTo(1);
        assertThat(entries(out, "2026-04-25", "KZ-61")).isZero();
        assertThat(out.stats("2026-03-01", "KZ-71", null).get("residenceArrivals").asInt())
                .isEqualTo(1);
    }

    private static int entries(ReplayRun.Outputs out, String date, String region) {
        JsonNode row = out.stats(date, region, null);
        return row == null ? 0 : row.get("entries").asInt();
    }

    @Test
    void invalidRecordsBecomeDeadLettersUnchangedAndBlankLinesAreSkipped() {
        String badPurpose =
                "{ \"eventId\": \"bad-1\", \"occurredAt\": \"2026-03-05T10:00:00+05:00\","
                    + " \"personId\": \"P1\", \"citizenship\": \"UZB\", \"direction\": \"EXIT\","
                    + " \"checkpoint\": \"ZHIBEK-ZHOLY\", \"region\": \"KZ-61\", \"purpose\":"
                    + " \"FOO\" }";
        // Later than every valid record: must not move the default as-of.
        String noOffset = exit("bad-2", "2026-05-01T10:00:00", "P1", "UZB", SARYAGASH);
        String badRegion =
                entry(
                        "bad-3",
                        "2026-03-02T10:00:00+05:00",
                        "P2",
                        "UZB",
                        new InputLines.Checkpoint("X", "KZ-99", "X"));
        String notAnObject = "[1,2,3]";
        String noValidUntil =
                registration(
                        "bad-4",
                        "2026-03-03T10:00:00+05:00",
                        "P3",
                        "UZB",
                        "TEMPORARY_RESIDENCE",
                        "KZ-71",
                        "Astana");
        // 2026-02-28T20:00Z is Mar 1 locally: a permit ending Feb 28 ends before its issue day.
        String permitBeforeIssue =
                employment(
                        "bad-5",
                        "2026-02-28T20:00:00Z",
                        "P4",
                        "UZB",
                        "PERMIT_ISSUED",
                        "KZ-75",
                        "Almaty",
                        "permitId",
                        "Q-1",
                        "category",
                        "CAT1",
                        "permitUntil",
                        "2026-02-28");
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "border-crossings",
                                entry("c1", "2026-03-01T10:00:00+05:00", "P1", "UZB", SARYAGASH),
                                "",
                                badPurpose,
                                "   ",
                                noOffset,
                                badRegion,
                                notAnObject)
                        .add(
                                "registrations",
                                noValidUntil,
                                // the latest valid record: the as-of instant, 2026-04-01T05:00Z
                                registration(
                                        "r1",
                                        "2026-04-01T10:00:00+05:00",
                                        "K1",
                                        "KAZ",
                                        "PERMANENT_RESIDENCE",
                                        "KZ-71",
                                        "Astana"))
                        .add("employment", permitBeforeIssue)
                        .run();

        assertThat(out.deadLetters())
                .extracting(
                        d ->
                                d.get("source").asText()
                                        + " "
                                        + d.get("reason").asText().split(":")[0])
                .containsExactlyInAnyOrder(
                        "border-crossings purpose",
                        "border-crossings occurredAt",
                        "border-crossings region",
                        "border-crossings payload",
                        "registrations validUntil",
                        "employment permitUntil");
        assertThat(out.deadLetters())
                .extracting(d -> d.get("payload").asText())
                .containsExactlyInAnyOrder(
                        badPurpose,
                        noOffset,
                        badRegion,
                        notAnObject,
                        noValidUntil,
                        permitBeforeIssue);
        assertThat(out.deadLetters())
                .allSatisfy(
                        d ->
                                assertThat(d.get("receivedAt").asText())
                                        .isEqualTo("2026-04-01T05:00:00Z"));
        // The rejected exit did not end P1's stay; as-of (Apr 1 05:00Z) is past the end of Mar 31.
        assertThat(summaries(out.alerts(), "P1"))
                .containsExactly("OVERSTAY 2026-03-31T19:00:00Z WARNING 1 KZ-61/Saryagash UZB P1");
        assertThat(out.stats("2026-03-05", "KZ-61", null)).isNull();
    }

    @Test
    void eventsOfTheSameInstantAreTakenReferenceRegistrationsEmploymentCrossingsThenByEventId() {
        // O1 enters Mar 1; at Apr 3 12:00+05:00 both a temporary residence (Astana) and the exit
        //    (Almaty). The registration first: Apr 3 is covered and the residence names the alert:
        //    unlawful Mar 31, Apr 1, 2 = 3 WARNING in Astana (crossing first: 4 MAJOR in Almaty).
        // O2: permanent residence and a hire at the same instant: the residence first, no alert.
        // O3: the same hire without residence: UNAUTHORISED_EMPLOYMENT (the control).
        // O4: at Mar 1 10:00 ENTRY "e-b" and EXIT "e-a": the exit first (unmatched), then the
        //    entry: present, OVERSTAY from Mar 31. O5: ENTRY "f-a", EXIT "f-b": in and out,
        // nothing.
        // O6: a CAT3 quota of 0 in Almaty and a permit at the same instant: the quota first, so the
        //    permit breaches it (the other way round the quota would only lower a limit).
        String t = "2026-04-03T12:00:00+05:00";
        String hire = "2026-03-02T09:00:00+05:00";
        String quota = "2026-03-03T09:00:00+05:00";
        ReplayRun.Outputs out =
                new ReplayRun(dir)
                        .add(
                                "border-crossings",
                                entry("o1-in", "2026-03-01T10:00:00+05:00", "O1", "UZB", SARYAGASH),
                                exit("o1-out", t, "O1", "UZB", ALMATY),
                                entry("e-b", "2026-03-01T10:00:00+05:00", "O4", "UZB", SARYAGASH),
                                exit("e-a", "2026-03-01T10:00:00+05:00", "O4", "UZB", SARYAGASH),
                                exit("f-b", "2026-03-01T10:00:00+05:00", "O5", "UZB", SARYAGASH),
                                entry("f-a", "2026-03-01T10:00:00+05:00", "O5", "UZB", SARYAGASH))
                        .add(
                                "employment",
                                employment("h2", hire, "O2", "UZB", "HIRED", "KZ-71", "Astana"),
                                employment("h3", hire, "O3", "UZB", "HIRED", "KZ-71", "Astana"),
                                employment(
                                        "p6",
                                        quota,
                                        "O6",
                                        "UZB",
                                        "PERMIT_ISSUED",
                                        "KZ-75",
                                        "Almaty",
                                        "permitId",
                                        "Q-6",
                                        "category",
                                        "CAT3",
                                        "permitUntil",
                                        "2026-12-31"))
                        .add(
                                "registrations",
                                registration(
                                        "o1-reg",
                                        t,
                                        "O1",
                                        "UZB",
                                        "TEMPORARY_RESIDENCE",
                                        "KZ-71",
                                        "Astana",
                                        "validUntil",
                                        "2026-12-31"),
                                registration(
                                        "o2-reg",
                                        hire,
                                        "O2",
                                        "UZB",
                                        "PERMANENT_RESIDENCE",
                                        "KZ-71",
                                        "Astana"))
                        .add(
                                "reference-data",
                                "{\"kind\":\"QUOTA\",\"occurredAt\":\""
                                        + quota
                                        + "\",\"year\":2026,\"region\":\"KZ-75\",\"category\":\"CAT3\",\"limit\":0}")
                        .run(Instant.parse("2026-04-04T00:00:00Z"));

        // Whether a quota breach names the permit's city is left open by the contract ("where
        // known", for a region's quota): its region, holder and figures are checked below.
        List<JsonNode> personal = new ArrayList<>(out.alerts());
        personal.removeIf(a -> a.get("type").asText().equals("QUOTA_BREACH"));
        assertThat(summaries(personal, "O1", "O2", "O3", "O4", "O5", "O6"))
                .containsExactlyInAnyOrder(
                        "UNAUTHORISED_EMPLOYMENT 2026-03-02T04:00:00Z MAJOR - KZ-71/Astana UZB O3",
                        "OVERSTAY 2026-03-31T19:00:00Z WARNING 1 KZ-61/Saryagash UZB O1",
                        "OVERSTAY 2026-03-31T19:00:00Z WARNING 1 KZ-61/Saryagash UZB O4",
                        "OVERSTAY_ENDED 2026-04-03T07:00:00Z WARNING 3 KZ-71/Astana UZB O1",
                        "OVERSTAY 2026-04-03T19:00:00Z MAJOR 4 KZ-61/Saryagash UZB O4");
        assertThat(out.alerts("QUOTA_BREACH"))
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.get("raisedAt").asText())
                                    .isEqualTo("2026-03-03T04:00:00Z");
                            assertThat(a.get("region").asText()).isEqualTo("KZ-75");
                            assertThat(a.get("subjectRef").asText())
                                    .isEqualTo(ReplayRun.subjectRef("O6"));
                        });
        JsonNode breach = out.alerts("QUOTA_BREACH").get(0).get("details");
        assertThat(breach.get("permitId").asText()).isEqualTo("Q-6");
        assertThat(breach.get("limit").asInt()).isZero();
        assertThat(breach.get("utilisation").asInt()).isEqualTo(1);
    }

    @Test
    void shuffledFilesGiveIdenticalOutputs() {
        Map<String, List<String>> files = new LinkedHashMap<>();
        // S: stays sharing days; 91st distinct day Apr 1, then unlawful every day
        List<String> crossings = new ArrayList<>(List.of(InputLines.sharedDayStays("S", "TJK")));
        crossings.addAll(
                List.of(
                        // P1: DEFAULT overstay, 1/4/11 and 21 days at the exit (see
                        // StayRulesReplayTest)
                        entry("c1", "2026-03-01T10:00:00+05:00", "P1", "UZB", SARYAGASH),
                        exit("c2", "2026-04-20T10:00:00+05:00", "P1", "UZB", ALMATY),
                        // a later copy of c1: dropped wherever it stands
                        entry("c1", "2026-03-09T10:00:00+05:00", "P1", "UZB", ALMATY),
                        // W1 (IRN): a visa for its entry day only, then a permit Mar 10..Apr 20
                        entry(
                                "w1",
                                "2026-03-01T10:00:00+05:00",
                                "W1",
                                "IRN",
                                SARYAGASH,
                                "permitUntil",
                                "2026-03-01"),
                        "",
                        "{\"eventId\":\"bad\",\"direction\":\"SIDEWAYS\"}"));
        files.put("border-crossings", crossings);
        files.put(
                "employment",
                List.of(
                        employment(
                                "e1",
                                "2026-03-10T12:00:00+05:00",
                                "W1",
                                "IRN",
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
                                "IRN",
                                "PERMIT_REVOKED",
                                "KZ-75",
                                "Almaty",
                                "permitId",
                                "P-1")));
        files.put(
                "registrations",
                List.of(
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
                                "2026-04-10T15:00:00+05:00",
                                "T1",
                                "UZB",
                                "RESIDENCE_CHANGE",
                                "KZ-35",
                                "Karaganda",
                                "previousRegion",
                                "KZ-71",
                                "previousCity",
                                "Astana"),
                        registration(
                                "r3",
                                "2026-04-11T15:00:00+05:00",
                                "K1",
                                "KAZ",
                                "DEREGISTRATION",
                                "KZ-35",
                                "Karaganda")));
        Instant asOf = Instant.parse("2026-05-13T00:00:00Z");

        ReplayRun.Outputs ordered = replay("ordered", files, asOf);
        // W1 is IRN (LIMITED, 14 per entry; 42 in 180): visa Mar 1 only, permit Mar 10..Apr 20:
        // uncovered Mar 2..9 = 8, Apr 21 = 9th, Apr 26 = 14th, Apr 27 unlawful.
        assertThat(summaries(ordered.alerts(), "P1", "S", "W1"))
                .containsExactly(
                        "OVERSTAY 2026-03-31T19:00:00Z WARNING 1 KZ-61/Saryagash UZB P1",
                        "OVERSTAY 2026-04-01T19:00:00Z WARNING 1 KZ-75/Almaty TJK S",
                        "OVERSTAY 2026-04-03T19:00:00Z MAJOR 4 KZ-61/Saryagash UZB P1",
                        "OVERSTAY 2026-04-04T19:00:00Z MAJOR 4 KZ-75/Almaty TJK S",
                        "OVERSTAY 2026-04-10T19:00:00Z CRITICAL 11 KZ-61/Saryagash UZB P1",
                        "OVERSTAY 2026-04-11T19:00:00Z CRITICAL 11 KZ-75/Almaty TJK S",
                        "OVERSTAY_ENDED 2026-04-20T05:00:00Z CRITICAL 21 KZ-75/Almaty UZB P1",
                        "OVERSTAY 2026-04-27T19:00:00Z WARNING 1 KZ-61/Saryagash IRN W1",
                        "OVERSTAY 2026-04-30T19:00:00Z MAJOR 4 KZ-61/Saryagash IRN W1",
                        "OVERSTAY 2026-05-07T19:00:00Z CRITICAL 11 KZ-61/Saryagash IRN W1");
        assertThat(ordered.deadLetters()).hasSize(1);
        assertThat(ordered.flowMatrix()).hasSize(1);

        for (long seed : new long[] {1, 2, 3}) {
            Map<String, List<String>> shuffled = new LinkedHashMap<>();
            Random random = new Random(seed);
            files.forEach(
                    (stream, lines) -> {
                        List<String> copy = new ArrayList<>(lines);
                        Collections.shuffle(copy, random);
                        shuffled.put(stream, copy);
                    });
            ReplayRun.Outputs again = replay("seed-" + seed, shuffled, asOf);
            assertThat(ReplayRun.Outputs.lines(again.alerts()))
                    .as("alerts, seed %d", seed)
                    .isEqualTo(ReplayRun.Outputs.lines(ordered.alerts()));
            assertThat(ReplayRun.Outputs.lines(again.flowStats()))
                    .as("flow-stats, seed %d", seed)
                    .isEqualTo(ReplayRun.Outputs.lines(ordered.flowStats()));
            assertThat(ReplayRun.Outputs.lines(again.flowMatrix()))
                    .as("flow-matrix, seed %d", seed)
                    .isEqualTo(ReplayRun.Outputs.lines(ordered.flowMatrix()));
            assertThat(ReplayRun.Outputs.lines(again.deadLetters()))
                    .as("dead-letters, seed %d", seed)
                    .isEqualTo(ReplayRun.Outputs.lines(ordered.deadLetters()));
        }
    }

    private ReplayRun.Outputs replay(String name, Map<String, List<String>> files, Instant asOf) {
        ReplayRun run = new ReplayRun(dir.resolve(name));
        files.forEach((stream, lines) -> run.add(stream, lines.toArray(String[]::new)));
        return run.run(asOf);
    }
}
