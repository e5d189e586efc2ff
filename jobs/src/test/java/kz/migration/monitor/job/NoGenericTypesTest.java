package kz.migration.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.DeadLetter;
import kz.migration.monitor.event.FlowMatrixRow;
import kz.migration.monitor.event.FlowStats;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.json.InputParser;
import kz.migration.monitor.json.OutputJson;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.pipeline.IngestedRecord;
import kz.migration.monitor.pipeline.types.MonitorTypes;
import kz.migration.monitor.replay.ReplayRun;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job runs with generic types disabled: no record on a shuffle, in state or in a timer is
 * handed to Kryo, whose form is neither compact nor stable across versions of the job.
 */
class NoGenericTypesTest {

    private static final Instant AS_OF = Instant.parse("2100-01-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    /** A MiniCluster environment on which any type that would go through Kryo fails the job. */
    private static StreamExecutionEnvironment withoutGenericTypes() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        return StreamExecutionEnvironment.createLocalEnvironment(2, conf);
    }

    /** The scenario's records of every stream, parsed as the sources parse them. */
    private static DataStream<IngestedRecord> scenario(StreamExecutionEnvironment env) {
        List<IngestedRecord> records = new ArrayList<>();
        for (Map.Entry<SourceStream, List<String>> e : Scenario.records().entrySet()) {
            InputParser<? extends InputEvent> parser =
                    InputParser.of(e.getKey(), new Pseudonymiser(ReplayRun.KEY));
            for (String line : e.getValue()) {
                records.add(IngestedRecord.of(parser.parse(line, AS_OF), line));
            }
        }
        // Wide enough a bound that no record of the scenario is late, as in a replay.
        return env.fromData(records, MonitorTypes.INGESTED_RECORD)
                .assignTimestampsAndWatermarks(
                        IngestedRecord.watermarks(Duration.ofDays(366), null));
    }

    @Test
    void theJobRunsWithoutGenericTypesAndGivesTheReplaysOutputs() throws Exception {
        StreamExecutionEnvironment env = withoutGenericTypes();
        CollectingSink<Alert> alerts = new CollectingSink<>();
        CollectingSink<FlowStats> stats = new CollectingSink<>();
        CollectingSink<FlowMatrixRow> matrix = new CollectingSink<>();
        CollectingSink<DeadLetter> dead = new CollectingSink<>();
        MonitorJob.defineWorkflow(
                scenario(env),
                new MonitorSinks(alerts, stats, matrix, dead),
                MonitorSettings.streaming(new Pseudonymiser(ReplayRun.KEY)).asOf(AS_OF));

        env.execute("no-generic-types");

        ReplayRun replay = new ReplayRun(dir);
        Scenario.records()
                .forEach((s, lines) -> replay.add(s.topic(), lines.toArray(String[]::new)));
        ReplayRun.Outputs expected = replay.run(AS_OF);
        assertThat(expected.alerts()).isNotEmpty();
        assertThat(expected.flowStats()).isNotEmpty();
        assertThat(expected.flowMatrix()).isNotEmpty();
        assertThat(expected.deadLetters()).isNotEmpty();
        assertThat(json(alerts.drain(), OutputJson::alert))
                .containsExactlyInAnyOrderElementsOf(expected.alerts());
        assertThat(json(stats.drain(), OutputJson::flowStats))
                .containsExactlyInAnyOrderElementsOf(expected.flowStats());
        assertThat(json(matrix.drain(), OutputJson::flowMatrix))
                .containsExactlyInAnyOrderElementsOf(expected.flowMatrix());
        assertThat(json(dead.drain(), OutputJson::deadLetter))
                .containsExactlyInAnyOrderElementsOf(expected.deadLetters());
    }

    /** What the other test guards against: a record holding the event union, left to Flink. */
    record Unanalysable(InputEvent event) {}

    @Test
    void aTypeThatWouldGoThroughKryoFailsTheJob() {
        StreamExecutionEnvironment env = withoutGenericTypes();
        scenario(env)
                .filter(r -> r.event() != null)
                .map(r -> new Unanalysable(r.event()))
                .returns(Unanalysable.class)
                .keyBy(u -> u.event().eventId())
                .sinkTo(new CollectingSink<>());

        assertThatThrownBy(() -> env.execute("generic-type"))
                .hasStackTraceContaining("Generic types have been disabled");
    }

    private static <T> List<JsonNode> json(List<T> rows, Function<T, String> toJson)
            throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (T row : rows) {
            nodes.add(JSON.readTree(toJson.apply(row)));
        }
        return nodes;
    }
}
