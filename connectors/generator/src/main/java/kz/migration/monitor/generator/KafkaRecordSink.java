package kz.migration.monitor.generator;

import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces generated records to the Kafka topics named like the streams, with an idempotent
 * producer: the key as given, the record timestamp the event time. The first failed send is
 * reported by the next {@link #accept} or by {@link #close}, so a broken broker stops the generator
 * instead of losing records silently.
 */
public final class KafkaRecordSink implements GeneratedRecordSink, AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public KafkaRecordSink(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "migration-monitor-generator");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    @Override
    public void accept(String stream, String key, String json, Instant occurredAt) {
        throwIfFailed();
        producer.send(
                new ProducerRecord<>(stream, null, occurredAt.toEpochMilli(), key, json),
                (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
    }

    @Override
    public void close() {
        try {
            producer.flush();
        } finally {
            producer.close();
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
