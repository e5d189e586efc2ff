package kz.migration.monitor.job;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.pipeline.IngestedRecord;
import kz.migration.monitor.pipeline.types.MonitorTypes;
import kz.migration.monitor.replay.ReplayRun;
import kz.migration.monitor.testsupport.KafkaBrokerExtension;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A topic whose partitions reach the job's readers after the rest of the input has been read loses
 * nothing, with idleness on as {@code run} has it: the job still gives a replay's outputs.
 *
 * <p>The partitions of one topic are held back in split discovery until the watermark behind the
 * sources has passed all of that topic's records, which is what happens when its readers, still
 * without partitions, count as idle while the other topics move on. The input's own disorder is
 * allowed as lateness, so that only the order of assignment could make a record late.
 */
class LateSplitAssignmentTest {

    @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir Path dir;

    private static final SourceStream HELD_BACK = SourceStream.BORDER_CROSSINGS;

    // The job runs in this JVM (a MiniCluster), so its operators and the discovery thread reach
    // the test through statics.
    private static volatile long heldBackLatest;
    private static volatile CountDownLatch overtaken;

    @Test
    void aTopicAssignedAfterTheOthersWereReadLosesNothing() throws Exception {
        Map<SourceStream, List<String>> input = Scenario.records();
        heldBackLatest =
                Arrays.stream(TopicIo.eventTimes(HELD_BACK, input.get(HELD_BACK)))
                        .max()
                        .orElseThrow();
        overtaken = new CountDownLatch(1);

        String prefix = "held-back.";
        TopicIo.createAndProduce(KAFKA, prefix, input);

        Duration lateness = TopicIo.disorder(input);
        // Idle readers must come from the held-back topic alone: a machine slow to start the job
        // must not idle every reader before any partition is assigned (a different case, see
        // README on --idleness).
        Duration idleness = Duration.ofSeconds(10);
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        env.getConfig().enableObjectReuse();
        env.enableCheckpointing(500);
        env.getCheckpointConfig().setCheckpointTimeout(60_000);
        KafkaInputs.Config kafka =
                new KafkaInputs.Config(
                        KAFKA.bootstrapServers(),
                        prefix,
                        "held-back-test",
                        true,
                        lateness,
                        idleness,
                        true);
        MonitorJob.defineWorkflow(
                KafkaInputs.read(
                                env,
                                kafka,
                                new Pseudonymiser(ReplayRun.KEY),
                                new HeldBack(prefix + HELD_BACK.topic()))
                        .transform(
                                "Watch the watermark",
                                MonitorTypes.INGESTED_RECORD,
                                new WatermarkWatch())
                        .uid("watch-watermark"),
                KafkaOutputs.sinks(KAFKA.bootstrapServers(), prefix, "held-back-test"),
                MonitorSettings.streaming(new Pseudonymiser(ReplayRun.KEY)));
        env.execute("held-back-test");

        StreamingReplayEquivalenceTest.assertMatchesReplay(
                KAFKA.bootstrapServers(), dir, prefix, input);
    }

    /**
     * Starts every partition at the earliest offset, the held-back topic's only once the watermark
     * has passed all its records. Partitions that are discovered together with other topics' cannot
     * be put behind them, so then nothing is held.
     */
    private static final class HeldBack implements OffsetsInitializer {
        private static final long serialVersionUID = 1L;
        private final String topic;

        HeldBack(String topic) {
            this.topic = topic;
        }

        @Override
        public Map<TopicPartition, Long> getPartitionOffsets(
                Collection<TopicPartition> partitions, PartitionOffsetsRetriever offsets) {
            if (partitions.stream().allMatch(p -> p.topic().equals(topic))) {
                try {
                    // Bounded, so that a job whose watermark never passes them still ends.
                    overtaken.await(60, SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return OffsetsInitializer.earliest().getPartitionOffsets(partitions, offsets);
        }

        @Override
        public OffsetResetStrategy getAutoOffsetResetStrategy() {
            return OffsetResetStrategy.EARLIEST;
        }
    }

    /**
     * Passes records on; tells {@link HeldBack} when the watermark has overtaken the held-back
     * topic.
     */
    private static final class WatermarkWatch extends AbstractStreamOperator<IngestedRecord>
            implements OneInputStreamOperator<IngestedRecord, IngestedRecord> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(StreamRecord<IngestedRecord> record) {
            output.collect(record);
        }

        @Override
        public void processWatermark(Watermark mark) throws Exception {
            super.processWatermark(mark);
            if (mark.getTimestamp() >= heldBackLatest) {
                overtaken.countDown();
            }
        }
    }
}
