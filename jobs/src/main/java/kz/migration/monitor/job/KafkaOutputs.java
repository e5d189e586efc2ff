package kz.migration.monitor.job;

import java.nio.charset.StandardCharsets;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.DeadLetter;
import kz.migration.monitor.event.FlowMatrixRow;
import kz.migration.monitor.event.FlowStats;
import kz.migration.monitor.event.KazakhstanTime;
import kz.migration.monitor.json.OutputJson;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The four output topics, written exactly once: records become visible to {@code read_committed}
 * consumers when the checkpoint that covers them completes, so a restart neither loses nor doubles
 * an alert. Each record's Kafka timestamp is its event time (a day's rows: the day's end).
 */
public final class KafkaOutputs {

    private KafkaOutputs() {}

    /** Kafka's transaction timeout: above checkpoint interval plus recovery, below the broker's 15 min. */
    static final String TRANSACTION_TIMEOUT_MS = "600000";

    public static MonitorSinks sinks(String bootstrapServers, String topicPrefix, String transactionalIdPrefix) {
        return new MonitorSinks(
                sink(bootstrapServers, topicPrefix + "alerts", transactionalIdPrefix,
                        Alert::alertId, OutputJson::alert, a -> a.raisedAt().toEpochMilli()),
                sink(bootstrapServers, topicPrefix + "flow-stats", transactionalIdPrefix,
                        FlowStats::key, OutputJson::flowStats, s -> KazakhstanTime.endMillisOf(s.date())),
                sink(bootstrapServers, topicPrefix + "flow-matrix", transactionalIdPrefix,
                        FlowMatrixRow::key, OutputJson::flowMatrix, m -> KazakhstanTime.endMillisOf(m.date())),
                sink(bootstrapServers, topicPrefix + "dead-letters", transactionalIdPrefix,
                        d -> d.source(), OutputJson::deadLetter, d -> d.receivedAt().toEpochMilli()));
    }

    private static <T> KafkaSink<T> sink(
            String bootstrapServers,
            String topic,
            String transactionalIdPrefix,
            SerializableFunction<T, String> key,
            SerializableFunction<T, String> json,
            SerializableFunction<T, Long> timestamp) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(bootstrapServers)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix + "-" + topic)
                .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS)
                .setRecordSerializer(new JsonRecords<>(topic, key, json, timestamp))
                .build();
    }

    /** One output record as a keyed JSON Kafka record stamped with its event time. */
    private record JsonRecords<T>(
            String topic,
            SerializableFunction<T, String> key,
            SerializableFunction<T, String> json,
            SerializableFunction<T, Long> timestamp)
            implements KafkaRecordSerializationSchema<T> {

        @Override
        public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long ignored) {
            return new ProducerRecord<>(
                    topic, null, timestamp.apply(element),
                    key.apply(element).getBytes(StandardCharsets.UTF_8),
                    json.apply(element).getBytes(StandardCharsets.UTF_8));
        }
    }
}
