package kz.migration.monitor.benchmarks;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import kz.migration.monitor.event.BorderCrossing;
import kz.migration.monitor.event.Direction;
import kz.migration.monitor.event.Purpose;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.job.JsonLinesFormat;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.pipeline.IngestedRecord;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * The Flink SQL baseline: daily entries and exits per region over a {@code border-crossings.jsonl}
 * file, in batch mode on a local MiniCluster. Valid records only, each {@code eventId} once (its
 * copy with the earliest {@code occurredAt}), days at UTC+05:00, as the contract counts the region
 * rows of {@code flow-stats}.
 */
public final class DailyCrossingsSql {

    /** How the SQL job reads the file. */
    public enum Input {
        /**
         * The filesystem connector and Flink's json format; the contract's checks written in SQL
         * (shapes, lengths, codes, enums, a {@code permitUntil} not before the day). Inexact: the
         * format reads a line holding a JSON array as one row per element, where the contract
         * rejects the line, so it agrees with the monitor only on files without such lines ({@code
         * generate --malformed 0}).
         */
        FLINK_JSON,
        /**
         * The filesystem connector reading lines ({@code raw} format), kept when {@code IS JSON
         * OBJECT}, their fields read with {@code JSON_VALUE}; the same checks in SQL.
         */
        SQL_JSON_FUNCTIONS,
        /** The monitor's own parser in a file source, handed over with {@code fromDataStream}. */
        CONTRACT_PARSER
    }

    /** The session time zone: {@code CAST(... AS DATE)} then gives the contract's local date. */
    static final ZoneId KAZAKHSTAN = ZoneId.of("GMT+05:00");

    static final String DAILY_COUNTS =
            "SELECT CAST(TO_TIMESTAMP_LTZ(ms, 3) AS DATE) AS d, region,"
                    + " CAST(SUM(CASE WHEN direction = 'ENTRY' THEN 1 ELSE 0 END) AS BIGINT),"
                    + " CAST(SUM(CASE WHEN direction = 'EXIT' THEN 1 ELSE 0 END) AS BIGINT)"
                    + " FROM (SELECT ms, direction, region,"
                    + " ROW_NUMBER() OVER (PARTITION BY eventId ORDER BY ms) AS copy"
                    + " FROM valid_crossings)"
                    + " WHERE copy = 1"
                    + " GROUP BY CAST(TO_TIMESTAMP_LTZ(ms, 3) AS DATE), region";

    private final Input input;
    private final int parallelism;

    public DailyCrossingsSql(Input input, int parallelism) {
        this.input = input;
        this.parallelism = parallelism;
    }

    /** Runs the job over {@code crossings} and collects its rows. */
    public Map<RegionDay, EntriesExits> run(Path crossings) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        StreamTableEnvironment tEnv =
                StreamTableEnvironment.create(env, EnvironmentSettings.inBatchMode());
        tEnv.getConfig().setLocalTimeZone(KAZAKHSTAN);
        switch (input) {
            case FLINK_JSON -> defineFromJson(tEnv, crossings);
            case SQL_JSON_FUNCTIONS -> defineFromLines(tEnv, crossings);
            case CONTRACT_PARSER -> defineFromParser(env, tEnv, crossings);
        }
        Map<RegionDay, EntriesExits> rows = new TreeMap<>();
        try (CloseableIterator<Row> it = tEnv.sqlQuery(DAILY_COUNTS).execute().collect()) {
            while (it.hasNext()) {
                Row r = it.next();
                rows.put(
                        new RegionDay((LocalDate) r.getField(0), (String) r.getField(1)),
                        new EntriesExits((Long) r.getField(2), (Long) r.getField(3)));
            }
        }
        return rows;
    }

    private static void defineFromJson(StreamTableEnvironment tEnv, Path crossings) {
        tEnv.createTemporarySystemFunction("CONTRACT_INSTANT", ContractInstant.class);
        tEnv.executeSql(
                "CREATE TEMPORARY TABLE crossings ("
                        + " eventId STRING, occurredAt STRING, personId STRING,"
                        + " citizenship STRING, direction STRING, checkpoint STRING,"
                        + " region STRING, city STRING, purpose STRING, permitUntil STRING"
                        + ") WITH ("
                        + " 'connector' = 'filesystem',"
                        + " 'path' = '"
                        + crossings.toAbsolutePath().toUri()
                        + "',"
                        + " 'format' = 'json',"
                        + " 'json.ignore-parse-errors' = 'true',"
                        + " 'json.fail-on-missing-field' = 'false')");
        defineChecks(tEnv);
    }

    private static void defineFromLines(StreamTableEnvironment tEnv, Path crossings) {
        tEnv.createTemporarySystemFunction("CONTRACT_INSTANT", ContractInstant.class);
        tEnv.executeSql(
                "CREATE TEMPORARY TABLE lines (line STRING) WITH ("
                        + " 'connector' = 'filesystem',"
                        + " 'path' = '"
                        + crossings.toAbsolutePath().toUri()
                        + "',"
                        + " 'format' = 'raw')");
        StringBuilder fields = new StringBuilder();
        for (String f :
                List.of(
                        "eventId",
                        "occurredAt",
                        "personId",
                        "citizenship",
                        "direction",
                        "checkpoint",
                        "region",
                        "purpose",
                        "permitUntil")) {
            fields.append(", JSON_VALUE(line, '$.").append(f).append("') AS ").append(f);
        }
        tEnv.executeSql(
                "CREATE TEMPORARY VIEW crossings AS SELECT line"
                        + fields
                        + " FROM lines WHERE line IS JSON OBJECT");
        defineChecks(tEnv);
    }

    /** The contract's checks of a crossing's fields, over a view {@code crossings} of them. */
    private static void defineChecks(StreamTableEnvironment tEnv) {
        tEnv.executeSql(
                "CREATE TEMPORARY VIEW checked AS"
                        + " SELECT eventId, ms, direction, region, permitUntil,"
                        + " CAST(TO_TIMESTAMP_LTZ(ms, 3) AS DATE) AS d"
                        + " FROM (SELECT *, CONTRACT_INSTANT(occurredAt) AS ms FROM crossings)"
                        + " WHERE ms IS NOT NULL"
                        + " AND CHAR_LENGTH(eventId) BETWEEN 1 AND 64"
                        + " AND CHAR_LENGTH(personId) BETWEEN 1 AND 64"
                        + " AND REGEXP(citizenship, '^[A-Z]{3}$')"
                        + " AND direction IN ("
                        + quoted(Direction.values())
                        + ") AND CHAR_LENGTH(checkpoint) BETWEEN 1 AND 32"
                        + " AND region IN ("
                        + Arrays.stream(Region.values())
                                .map(r -> "'" + r.code() + "'")
                                .collect(Collectors.joining(", "))
                        + ") AND (purpose IS NULL OR purpose IN ("
                        + quoted(Purpose.values())
                        + "))");
        tEnv.executeSql(
                "CREATE TEMPORARY VIEW valid_crossings AS"
                        + " SELECT eventId, ms, direction, region FROM checked"
                        + " WHERE permitUntil IS NULL"
                        + " OR (REGEXP(permitUntil, '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')"
                        + " AND TRY_CAST(permitUntil AS DATE) >= d)");
    }

    private static void defineFromParser(
            StreamExecutionEnvironment env, StreamTableEnvironment tEnv, Path crossings) {
        FileSource<IngestedRecord> source =
                FileSource.forRecordStreamFormat(
                                new JsonLinesFormat(
                                        SourceStream.BORDER_CROSSINGS,
                                        Instant.EPOCH,
                                        // counts only: no pseudonym leaves this job
                                        new Pseudonymiser("sql-baseline-counts-no-people")),
                                new org.apache.flink.core.fs.Path(
                                        crossings.toAbsolutePath().toUri()))
                        .build();
        DataStream<Row> valid =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "border-crossings")
                        .filter(r -> r.event() instanceof BorderCrossing)
                        .map(
                                r -> {
                                    BorderCrossing c = (BorderCrossing) r.event();
                                    return Row.of(
                                            c.eventId(),
                                            c.occurredAt().toEpochMilli(),
                                            c.direction().name(),
                                            c.region().code());
                                })
                        .returns(
                                Types.ROW_NAMED(
                                        new String[] {"eventId", "ms", "direction", "region"},
                                        Types.STRING,
                                        Types.LONG,
                                        Types.STRING,
                                        Types.STRING));
        tEnv.createTemporaryView("valid_crossings", tEnv.fromDataStream(valid));
    }

    private static String quoted(Enum<?>[] values) {
        return Arrays.stream(values)
                .map(v -> "'" + v.name() + "'")
                .collect(Collectors.joining(", "));
    }
}
