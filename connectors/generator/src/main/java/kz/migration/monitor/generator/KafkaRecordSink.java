package kz.migration.monitor.generator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces generated records to the Kafka topics named like the streams, with an idempotent
 * producer: the key as given, the record timestamp the event time. The first failed send is
 * reported by the next {@link #accept} or by {@link #close}, so a broken broker stops the generator
 * instead of losing records silently.
 *
 * <p>On a secure broker each input topic has its own producer principal, so the sink may be given
 * client settings per topic: topics with the same settings share one producer.
 */
public final class KafkaRecordSink implements GeneratedRecordSink, AutoCloseable {

    private final String bootstrapServers;
    private final Function<String, Map<String, String>> clientProperties;
    private final Map<Map<String, String>, KafkaProducer<String, String>> producers =
            new LinkedHashMap<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public KafkaRecordSink(String bootstrapServers) {
        this(bootstrapServers, topic -> Map.of());
    }

    /**
     * @param clientProperties the Kafka client settings (e.g. SASL_SSL credentials) to produce to a
     *     topic with
     */
    public KafkaRecordSink(
            String bootstrapServers, Function<String, Map<String, String>> clientProperties) {
        this.bootstrapServers = bootstrapServers;
        this.clientProperties = clientProperties;
    }

    @Override
    public void accept(String stream, String key, String json, Instant occurredAt) {
        throwIfFailed();
        producer(stream)
                .send(
                        new ProducerRecord<>(stream, null, occurredAt.toEpochMilli(), key, json),
                        (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
    }

    private KafkaProducer<String, String> producer(String topic) {
        return producers.computeIfAbsent(clientProperties.apply(topic), this::newProducer);
    }

    private KafkaProducer<String, String> newProducer(Map<String, String> settings) {
        Properties props = new Properties();
        props.putAll(settings);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        props.put(
                ProducerConfig.CLIENT_ID_CONFIG,
                "migration-monitor-generator"
                        + (producers.isEmpty() ? "" : "-" + producers.size()));
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (KafkaProducer<String, String> producer : producers.values()) {
            try {
                try {
                    producer.flush();
                } finally {
                    producer.close();
                }
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        producers.clear();
        if (first != null) {
            throw first;
        }
        throwIfFailed();
    }

    private void throwIfFailed() {
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException("producing to Kafka failed: " + e.getMessage(), e);
        }
    }
}
