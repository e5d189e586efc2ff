package kz.migration.monitor.job;

import java.nio.charset.StandardCharsets;
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
     * Kafka's transaction timeout: above checkpoint interval plus recovery, below the broker's 15
     * min.
     */
    static final String TRANSACTION_TIMEOUT_MS = "600000";

    public static MonitorSinks sinks(
            String bootstrapServers, String topicPrefix, String transactionalIdPrefix) {
        return new MonitorSinks(
                sink(
                        bootstrapServers,
                        topicPrefix + Topics.ALERTS,
                        transactionalIdPrefix,
                        Alert::alertId,
                        OutputJson::alert),
                sink(
                        bootstrapServers,
                        topicPrefix + Topics.FLOW_STATS,
                        transactionalIdPrefix,
                        FlowStats::key,
                        OutputJson::flowStats),
                sink(
                        bootstrapServers,
                        topicPrefix + Topics.FLOW_MATRIX,
                        transactionalIdPrefix,
                        FlowMatrixRow::key,
                        OutputJson::flowMatrix),
                sink(
                        bootstrapServers,
                        topicPrefix + Topics.DEAD_LETTERS,
                        transactionalIdPrefix,
                        DeadLetter::source,
                        OutputJson::deadLetter));
    }

    private static <T> KafkaSink<T> sink(
            String bootstrapServers,
            String topic,
            String transactionalIdPrefix,
            SerializableFunction<T, String> key,
            SerializableFunction<T, String> json) {
        return KafkaSink.<T>builder()
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
