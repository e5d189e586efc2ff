package kz.migration.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.event.Topics;
import kz.migration.monitor.generator.GeneratorSettings;
import kz.migration.monitor.generator.TrafficGenerator;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.replay.ReplayRun;
import kz.migration.monitor.testsupport.KafkaBrokerExtension;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upgrade through a savepoint, rescaling on the way: the streaming job runs at parallelism 1
 * over the first half of the input, is stopped with a savepoint, and is started again from it at
 * parallelism 2 with the rest. The committed outputs equal a replay of the whole input: nothing
 * lost, nothing doubled, the same flow statistics and matrix.
 */
class SavepointUpgradeTest {

    @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GROUP = "upgrade-test";
    private static final Duration LATENESS = Duration.ofHours(1);
    private static final Instant CUTOFF = Instant.parse("2026-02-05T00:00:00+05:00");

    @TempDir Path dir;

    @Test
    void stoppedWithASavepointAndRestartedAtTwiceTheParallelismLosesAndDoublesNothing()
            throws Exception {
        Map<SourceStream, List<String>> before = new EnumMap<>(SourceStream.class);
        Map<SourceStream, List<String>> after = new EnumMap<>(SourceStream.class);
        Map<SourceStream, List<String>> all = new EnumMap<>(SourceStream.class);
        new TrafficGenerator(
                        new GeneratorSettings(
                                11, LocalDate.parse("2026-01-01"), 40, 300, 0.01, 0.01, 0.01, 0.01))
                .generate(
                        (stream, key, json, occurredAt) -> {
                            SourceStream s = SourceStream.ofTopic(stream);
                            (occurredAt.isBefore(CUTOFF) ? before : after)
                                    .computeIfAbsent(s, k -> new ArrayList<>())
                                    .add(json);
                            all.computeIfAbsent(s, k -> new ArrayList<>()).add(json);
                        });
        assertThat(after).isNotEmpty();
        KAFKA.createTopics(2, Topics.inputs().toArray(String[]::new));
        KAFKA.createTopics(1, Topics.outputs().toArray(String[]::new));

        // Version 1 at parallelism 1. Some idleness lets the watermark pass the reference data,
        // whose partitions fall silent at once, so this run already commits alerts; it is long
        // enough that no partition still holding records is taken for idle.
        TopicIo.produce(KAFKA.bootstrapServers(), "", before);
        StreamingJob v1 = job(1, Duration.ofSeconds(20));
        JobClient first = v1.start(environment(v1, null));
        await(() -> inputCommitted(), first, "the first half read and checkpointed");
        await(
                () -> !committed(Topics.FLOW_STATS).isEmpty(),
                first,
                "days closed and committed before the savepoint");
        String savepoint =
                first.stopWithSavepoint(
                                false,
                                dir.resolve("savepoints").toUri().toString(),
                                SavepointFormatType.CANONICAL)
                        .get(3, TimeUnit.MINUTES);
        int alertsBefore = committed(Topics.ALERTS).size();
        int statsBefore = committed(Topics.FLOW_STATS).size();

        // Version 2 at parallelism 2 from the savepoint, over the rest. No idleness: nothing is
        // emitted until the end, when draining ends event time as the end of a bounded input
        // would, so no record can be taken for late on a busy machine.
        TopicIo.produce(KAFKA.bootstrapServers(), "", after);
        StreamingJob v2 = job(2, Duration.ZERO);
        JobClient second = v2.start(environment(v2, savepoint));
        await(() -> inputCommitted(), second, "the second half read and checkpointed");
        second.stopWithSavepoint(
                        true,
                        dir.resolve("savepoints").toUri().toString(),
                        SavepointFormatType.CANONICAL)
                .get(3, TimeUnit.MINUTES);

        ReplayRun replay = new ReplayRun(dir.resolve("replay"));
        all.forEach((s, lines) -> replay.add(s.topic(), lines.toArray(String[]::new)));
        ReplayRun.Outputs expected = replay.run(Instant.parse("2100-01-01T00:00:00Z"));

        assertThat(statsBefore)
                .as(
                        "flow-stats before the savepoint (alerts: %d of %d)",
                        alertsBefore, expected.alerts().size())
                .isPositive()
                .isLessThan(expected.flowStats().size());
        assertThat(alertsBefore)
                .as("alerts before the savepoint")
                .isPositive()
                .isLessThan(expected.alerts().size());
        assertThat(committed(Topics.ALERTS))
                .containsExactlyInAnyOrderElementsOf(TopicIo.strings(expected.alerts()));
        assertThat(committed(Topics.FLOW_STATS))
                .containsExactlyInAnyOrderElementsOf(TopicIo.strings(expected.flowStats()));
        assertThat(committed(Topics.FLOW_MATRIX))
                .containsExactlyInAnyOrderElementsOf(TopicIo.strings(expected.flowMatrix()));
        assertThat(withoutReceivedAt(committed(Topics.DEAD_LETTERS)))
                .containsExactlyInAnyOrderElementsOf(
                        withoutReceivedAt(TopicIo.strings(expected.deadLetters())));
    }

    private static StreamingJob job(int parallelism, Duration idleness) {
        return new StreamingJob(
                new KafkaInputs.Config(
                        KAFKA.bootstrapServers(), "", GROUP, true, LATENESS, idleness, false),
                "",
                MonitorSettings.streaming(new Pseudonymiser(ReplayRun.KEY)),
                parallelism,
                Duration.ofMillis(500),
                null,
                "hashmap",
                StateChangelog.OFF);
    }

    private static StreamExecutionEnvironment environment(StreamingJob job, String savepoint) {
        Configuration conf = new Configuration();
        conf.addAll(job.configuration());
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        if (savepoint != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        return StreamExecutionEnvironment.createLocalEnvironment(job.parallelism(), conf);
    }

    /** Waits up to 3 minutes for {@code done}, failing at once if the job ended. */
    private static void await(BooleanSupplier done, JobClient job, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!done.getAsBoolean()) {
            JobStatus status = job.getJobStatus().get(30, TimeUnit.SECONDS);
            assertThat(status)
                    .as("the job's status, waiting for %s", what)
                    .isEqualTo(JobStatus.RUNNING);
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    /** Whether the job's committed offsets (a checkpoint's) are at the end of every input. */
    private static boolean inputCommitted() {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                KAFKA.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(GROUP)
                            .partitionsToOffsetAndMetadata()
                            .get(30, TimeUnit.SECONDS);
            List<TopicPartition> partitions =
                    admin.describeTopics(Topics.inputs()).allTopicNames().get().values().stream()
                            .flatMap(
                                    d ->
                                            d.partitions().stream()
                                                    .map(
                                                            p ->
                                                                    new TopicPartition(
                                                                            d.name(),
                                                                            p.partition())))
                            .toList();
            Map<TopicPartition, Long> ends =
                    admin
                            .listOffsets(
                                    partitions.stream()
                                            .collect(
                                                    Collectors.toMap(
                                                            tp -> tp, tp -> OffsetSpec.latest())))
                            .all()
                            .get(30, TimeUnit.SECONDS)
                            .entrySet()
                            .stream()
                            .collect(
                                    Collectors.toMap(
                                            Map.Entry::getKey, e -> e.getValue().offset()));
            return ends.entrySet().stream()
                    .allMatch(
                            e ->
                                    e.getValue() == 0
                                            || (committed.get(e.getKey()) != null
                                                    && committed.get(e.getKey()).offset()
                                                            >= e.getValue()));
        } catch (Exception e) {
            return false;
        }
    }

    private static List<String> committed(String topic) {
        try {
            return TopicIo.readCommitted(KAFKA.bootstrapServers(), topic);
        } catch (Exception e) {
            throw new AssertionError("cannot read " + topic, e);
        }
    }

    private static List<String> withoutReceivedAt(List<String> rows) throws Exception {
        List<String> out = new ArrayList<>();
        for (String r : rows) {
            ObjectNode o = (ObjectNode) JSON.readTree(r);
            o.remove("receivedAt");
            out.add(o.toString());
        }
        return out;
    }
}
