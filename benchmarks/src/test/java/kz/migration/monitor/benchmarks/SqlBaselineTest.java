package kz.migration.monitor.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kz.migration.monitor.cli.MonitorCli;
import kz.migration.monitor.json.Pseudonymiser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL baseline counts what the monitor counts: valid crossings only, each {@code eventId} once
 * at its earliest copy, by the local date at UTC+05:00 and the checkpoint's region.
 */
class SqlBaselineTest {

    private static final String VALID_ENTRY =
            "{\"eventId\":\"e1\",\"occurredAt\":\"2026-03-01T23:30:00+05:00\",\"personId\":\"P1\","
                    + "\"citizenship\":\"UZB\",\"direction\":\"ENTRY\",\"checkpoint\":\"NUR\","
                    + "\"region\":\"KZ-71\"}";

    @TempDir Path dir;

    @Test
    void countsTheValidFirstCopiesByKazakhstanDay() throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        Path crossings = input.resolve("border-crossings.jsonl");
        Files.write(
                crossings,
                List.of(
                        VALID_ENTRY,
                        // 19:30Z is 00:30 of the next day in Kazakhstan
                        crossing("e2", "2026-03-01T19:30:00Z", "EXIT", "KZ-71", ""),
                        // a later copy of e1, on the next day: the earliest copy counts
                        VALID_ENTRY.replace("2026-03-01T23:30", "2026-03-02T01:00"),
                        crossing(
                                "e3",
                                "2026-03-01T10:00:00+05:00",
                                "ENTRY",
                                "KZ-75",
                                ",\"city\":\"Almaty\",\"purpose\":\"TOURISM\","
                                        + "\"permitUntil\":\"2026-03-01\""),
                        "",
                        crossing(
                                "x1",
                                "2026-03-01T10:00:00+05:00",
                                "ENTRY",
                                "KZ-75",
                                ",\"purpose\":\"FOO\""),
                        crossing("x2", "2026-03-01T10:00:00", "ENTRY", "KZ-75", ""),
                        crossing("x3", "2026-03-01T10:00:00+05:00", "ENTRY", "KZ-99", ""),
                        crossing("x4", "2026-03-01T10:00:00+05:00", "ENTRY", "KZ-75", "")
                                .replace("UZB", "kz"),
                        crossing(
                                "x5",
                                "2026-03-01T10:00:00+05:00",
                                "ENTRY",
                                "KZ-75",
                                ",\"permitUntil\":\"2026-02-28\""),
                        crossing("x6", "2026-03-01T10:00:00+05:00", "ENTRY", "KZ-75", "")
                                .substring(0, 40),
                        "["
                                + crossing("x7", "2026-03-01T10:00:00+05:00", "ENTRY", "KZ-75", "")
                                + "]",
                        crossing("x8", "2026-03-01T10:00:00+05:00", "ENTRY", "KZ-75", "")
                                .replace("\"direction\":\"ENTRY\",", "")),
                StandardCharsets.UTF_8);
        Map<RegionDay, EntriesExits> expected =
                Map.of(
                        new RegionDay(LocalDate.parse("2026-03-01"), "KZ-71"),
                        new EntriesExits(1, 0),
                        new RegionDay(LocalDate.parse("2026-03-02"), "KZ-71"),
                        new EntriesExits(0, 1),
                        new RegionDay(LocalDate.parse("2026-03-01"), "KZ-75"),
                        new EntriesExits(1, 0));

        for (DailyCrossingsSql.Input how :
                List.of(
                        DailyCrossingsSql.Input.SQL_JSON_FUNCTIONS,
                        DailyCrossingsSql.Input.CONTRACT_PARSER)) {
            assertThat(new DailyCrossingsSql(how, 1).run(crossings))
                    .as(how.name())
                    .isEqualTo(expected);
        }
        assertThat(monitor(input).regionRows()).isEqualTo(expected);
    }

    @Test
    void agreesWithTheMonitorOnGeneratedTraffic() throws Exception {
        Path input = dir.resolve("generated");
        assertThat(
                        MonitorCli.run(
                                "generate",
                                "--out",
                                input.toString(),
                                "--days",
                                "3",
                                "--scale",
                                "3000",
                                "--malformed",
                                "0.05",
                                "--duplicates",
                                "0.05",
                                "--out-of-order",
                                "0.05"))
                .isZero();
        Map<RegionDay, EntriesExits> sql =
                new DailyCrossingsSql(DailyCrossingsSql.Input.SQL_JSON_FUNCTIONS, 2)
                        .run(input.resolve("border-crossings.jsonl"));
        MonitorFlowStats.Result monitor = monitor(input);

        Agreement a = Agreement.of(sql, monitor.regionRows());
        assertThat(a.differences()).isEmpty();
        // three days, most of the twenty regions
        assertThat(sql).hasSizeGreaterThan(40);
        assertThat(sql.values().stream().mapToLong(EntriesExits::entries).sum())
                .isGreaterThan(3000);
    }

    @Test
    void namesEveryRegionDayThatDiffers() {
        RegionDay day = new RegionDay(LocalDate.parse("2026-03-01"), "KZ-71");
        RegionDay other = new RegionDay(LocalDate.parse("2026-03-02"), "KZ-71");
        Agreement a =
                Agreement.of(
                        Map.of(day, new EntriesExits(3, 2)),
                        Map.of(day, new EntriesExits(3, 1), other, new EntriesExits(0, 0)));
        assertThat(a.compared()).isEqualTo(2);
        assertThat(a.differences()).containsExactly("2026-03-01 KZ-71 sql 3/2 monitor 3/1");
    }

    private MonitorFlowStats.Result monitor(Path input) throws Exception {
        return new MonitorFlowStats(2, new Pseudonymiser("test-key"))
                .run(input, dir.resolve("replay-" + input.getFileName()));
    }

    private static String crossing(
            String eventId, String occurredAt, String direction, String region, String more) {
        return "{\"eventId\":\""
                + eventId
                + "\",\"occurredAt\":\""
                + occurredAt
                + "\",\"personId\":\"P"
                + eventId
                + "\",\"citizenship\":\"UZB\",\"direction\":\""
                + direction
                + "\",\"checkpoint\":\"NUR\",\"region\":\""
                + region
                + "\""
                + more
                + "}";
    }
}
