package kz.migration.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.event.Topics;
import kz.migration.monitor.generator.GeneratorSettings;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.pipeline.IngestedRecord;
import kz.migration.monitor.pipeline.types.MonitorTypes;
import kz.migration.monitor.replay.ReplayRun;
import kz.migration.monitor.testsupport.KafkaBrokerExtension;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task failure after a completed checkpoint: the job restarts from it, and the committed outputs
 * neither lose nor double anything (they equal a replay of the same input).
 */
class FailureRecoveryTest {

    @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir Path dir;

    static final AtomicBoolean FAILED = new AtomicBoolean();
    static final AtomicInteger CHECKPOINTS_BEFORE_FAILURE = new AtomicInteger();

    @Test
    void aRestartFromACheckpointLosesAndDoublesNothing() throws Exception {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(300));
        failOnceAndCompareWithReplay("heap-", conf);
    }

    /**
     * The same on RocksDB with the state changelog, as {@code run --state-backend rocksdb
     * --state-changelog} configures it, materializing every second: the restart restores the
     * materialized state and the changes logged after it.
     */
    @Test
    void aRestartFromAChangelogCheckpointLosesAndDoublesNothing() throws Exception {
        String checkpoints = dir.resolve("checkpoints").toUri().toString();
        StreamingJob job =
                new StreamingJob(
                        null,
                        "changelog-",
                        null,
                        2,
                        Duration.ofMillis(300),
                        checkpoints,
                        "rocksdb",
                        StateChangelog.every(Duration.ofSeconds(1)));
        failOnceAndCompareWithReplay("changelog-", job.configuration());
        // The changelog's writer made its directory: state changes went there. (Its files are
        // gone once the finished job's checkpoints are discarded.)
        Path changelog = Path.of(URI.create(StateChangelog.changelogDir(checkpoints)));
        assertThat(changelog).isDirectory();
        try (Stream<Path> jobs = Files.list(changelog)) {
            assertThat(jobs.count()).as("jobs with a changelog under %s", changelog).isOne();
        }
    }

    /**
     * Runs the job on {@code prefix}ed topics with {@code jobConf}, failing once after a completed
     * checkpoint, and requires its committed outputs to equal a replay of the same input.
     */
    private void failOnceAndCompareWithReplay(String prefix, Configuration jobConf)
            throws Exception {
        FAILED.set(false);
        CHECKPOINTS_BEFORE_FAILURE.set(0);
        Map<SourceStream, List<String>> input =
                TopicIo.generated(
                        new GeneratorSettings(
                                3, LocalDate.parse("2026-02-01"), 30, 300, 0, 0.01, 0.01, 0.01));
        TopicIo.createAndProduce(KAFKA, prefix, input);

        Configuration conf = new Configuration();
        conf.addAll(jobConf);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        MonitorSettings settings = MonitorSettings.streaming(new Pseudonymiser(ReplayRun.KEY));
        KafkaInputs.Config kafka =
                new KafkaInputs.Config(
                        KAFKA.bootstrapServers(),
                        prefix,
                        prefix + "recovery-test",
                        true,
                        Duration.ofMinutes(5),
                        Duration.ZERO,
                        true);
        MonitorJob.defineWorkflow(
                KafkaInputs.read(env, kafka, settings.pseudonymiser())
                        .map(new FailOnceAfterACheckpoint())
                        .returns(MonitorTypes.INGESTED_RECORD)
                        .uid("fail-once")
                        .name("Fail once"),
                KafkaOutputs.sinks(KAFKA.bootstrapServers(), prefix, prefix + "recovery-test"),
                settings);
        env.execute("recovery-test");

        assertThat(FAILED).isTrue();
        assertThat(CHECKPOINTS_BEFORE_FAILURE.get()).isPositive();
        ReplayRun replay = new ReplayRun(dir.resolve(prefix + "replay"));
        input.forEach((s, lines) -> replay.add(s.topic(), lines.toArray(String[]::new)));
        ReplayRun.Outputs expected = replay.run(Instant.parse("2100-01-01T00:00:00Z"));
        assertThat(TopicIo.readCommitted(KAFKA.bootstrapServers(), prefix + Topics.ALERTS))
                .containsExactlyInAnyOrderElementsOf(TopicIo.strings(expected.alerts()));
        assertThat(TopicIo.readCommitted(KAFKA.bootstrapServers(), prefix + Topics.FLOW_STATS))
                .containsExactlyInAnyOrderElementsOf(TopicIo.strings(expected.flowStats()));
        assertThat(TopicIo.readCommitted(KAFKA.bootstrapServers(), prefix + Topics.FLOW_MATRIX))
                .containsExactlyInAnyOrderElementsOf(TopicIo.strings(expected.flowMatrix()));
    }

    /** Slows the input down and throws once, on the first record after a checkpoint completed. */
    static final class FailOnceAfterACheckpoint
            implements MapFunction<IngestedRecord, IngestedRecord>, CheckpointListener {
        private static final long serialVersionUID = 1L;
        private transient boolean checkpointed;

        @Override
        public IngestedRecord map(IngestedRecord r) throws Exception {
            if (!FAILED.get()) {
                Thread.sleep(0, 200_000);
                if (checkpointed && FAILED.compareAndSet(false, true)) {
                    throw new IllegalStateException(
                            "injected failure after a completed checkpoint");
                }
            }
            return r;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointed = true;
            CHECKPOINTS_BEFORE_FAILURE.incrementAndGet();
        }
    }
}
