package kz.migration.monitor.job;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.DeadLetter;
import kz.migration.monitor.event.FlowMatrixRow;
import kz.migration.monitor.event.FlowStats;
import kz.migration.monitor.event.Topics;
import kz.migration.monitor.json.OutputJson;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The four output topics, written exactly once: records become visible to {@code read_committed}
 * consumers when the checkpoint that covers them completes, so a restart neither loses nor doubles
 * an alert. Records carry the time they are written as Kafka timestamp, not their event time:
 * brokers reject timestamps far in the future (Kafka 4: more than an hour by default), and an
 * overstay predicted from a long visa or a simulated clock can lie there. Event time is in the
 * JSON.
 */
public final class KafkaOutputs {

    private KafkaOutputs() {}

    /**
     * Kafka's transaction timeout, 10 min. A sink's transaction opens after one checkpoint and is
     * committed when the next completes (interval, 30 s by default, plus at most {@link
     * #CHECKPOINT_TIMEOUT}); after a crash the restored job commits the transactions of its last
     * checkpoint again. A transaction the broker aborted on timeout before that is lost, so a
     * crashed job must run again within the rest, about 7 min. Below the broker's {@code
     * transaction.max.timeout.ms} (15 min, Kafka's default; the {@code broker} command, compose and
     * the embedded broker set it explicitly), or the producers cannot start.
     */
    static final String TRANSACTION_TIMEOUT_MS = "600000";

    /** The longest a checkpoint may take: well inside {@link #TRANSACTION_TIMEOUT_MS}. */
    static final Duration CHECKPOINT_TIMEOUT = Duration.ofMinutes(2);

    /**
     * The four sinks. Each sink's transactional ids are {@code <transactionalIdPrefix>-<topic>-
     * <subtask>-<n>}: unique per job (the prefix is its consumer group id) and per sink, and the
     * same across restarts and upgrades (no run id in them), so that a restored job finds the
     * transactions its dead predecessor left open and aborts them at once instead of leaving {@code
     * read_committed} readers waiting for the timeout. Two jobs must never share a group id.
     */
    public static MonitorSinks sinks(
            String bootstrapServers, String topicPrefix, String transactionalIdPrefix) {
        return sinks(bootstrapServers, topicPrefix, transactionalIdPrefix, Map.of());
    }

    /**
     * As {@link #sinks(String, String, String)}, with {@code clientProperties} (such as SASL_SSL
     * credentials) merged into every sink's producers.
     */
    public static MonitorSinks sinks(
            String bootstrapServers,
            String topicPrefix,
            String transactionalIdPrefix,
            Map<String, String> clientProperties) {
        return new MonitorSinks(
                sink(
                        bootstrapServers,
                        topicPrefix + Topics.ALERTS,
                        transactionalIdPrefix,
                        clientProperties,
                        Alert::alertId,
                        OutputJson::alert),
                sink(
                        bootstrapServers,
                        topicPrefix + Topics.FLOW_STATS,
                        transactionalIdPrefix,
                        clientProperties,
                        FlowStats::key,
                        OutputJson::flowStats),
                sink(
                        bootstrapServers,
                        topicPrefix + Topics.FLOW_MATRIX,
                        transactionalIdPrefix,
                        clientProperties,
                        FlowMatrixRow::key,
                        OutputJson::flowMatrix),
                sink(
                        bootstrapServers,
                        topicPrefix + Topics.DEAD_LETTERS,
                        transactionalIdPrefix,
                        clientProperties,
                        DeadLetter::source,
                        OutputJson::deadLetter));
    }

    private static <T> KafkaSink<T> sink(
            String bootstrapServers,
            String topic,
            String transactionalIdPrefix,
            Map<String, String> clientProperties,
            SerializableFunction<T, String> key,
            SerializableFunction<T, String> json) {
        return KafkaSink.<T>builder()
                .setKafkaProducerConfig(KafkaInputs.asProperties(clientProperties))
                .setBootstrapServers(bootstrapServers)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix + "-" + topic)
                .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS)
                .setRecordSerializer(new JsonRecords<>(topic, key, json))
                .build();
    }

    /** One output record as a keyed JSON Kafka record. */
    private record JsonRecords<T>(
            String topic, SerializableFunction<T, String> key, SerializableFunction<T, String> json)
            implements KafkaRecordSerializationSchema<T> {

        @Override
        public ProducerRecord<byte[], byte[]> serialize(
                T element, KafkaSinkContext context, Long ignored) {
            return new ProducerRecord<>(
                    topic,
                    null,
                    null,
                    key.apply(element).getBytes(StandardCharsets.UTF_8),
                    json.apply(element).getBytes(StandardCharsets.UTF_8));
        }
    }
}
