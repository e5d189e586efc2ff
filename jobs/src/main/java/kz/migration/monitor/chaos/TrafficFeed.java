package kz.migration.monitor.chaos;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces a chaos run's traffic, a day at a time at a steady pace, with a producer that waits out
 * a broker restart: it blocks and retries rather than fails, one request at a time so that each
 * partition keeps its order. It is not idempotent: after a broker restart an idempotent producer
 * was seen to retry a batch forever on {@code OUT_OF_ORDER_SEQUENCE_NUMBER}. A retry may write a
 * batch twice instead, right after itself; the copies are duplicates of the same events, which the
 * job and replay (which reads the topics back) drop alike. A day's ticks are sent only once its
 * records are acknowledged, so no copy of a record can follow them.
 */
final class TrafficFeed implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicLong sent = new AtomicLong();

    TrafficFeed(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 180_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "migration-monitor-chaos");
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /**
     * Produces the days, one per {@code pace}, counting {@code half} down once half of them are
     * out.
     */
    void produce(ChaosTraffic traffic, List<LocalDate> days, Duration pace, CountDownLatch half)
            throws InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < days.size(); i++) {
            List<ChaosTraffic.Rec> day = traffic.day(days.get(i));
            day.stream().filter(r -> r.partition() == null).forEach(this::send);
            producer.flush();
            day.stream().filter(r -> r.partition() != null).forEach(this::send);
            producer.flush();
            if (i + 1 == (days.size() + 1) / 2) {
                half.countDown();
            }
            long due = start + pace.toNanos() * (i + 1);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        half.countDown();
        producer.flush();
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException("producing the traffic failed: " + e, e);
        }
    }

    private void send(ChaosTraffic.Rec r) {
        producer.send(
                new ProducerRecord<>(r.topic(), r.partition(), r.timestamp(), r.key(), r.json()),
                (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    } else {
                        sent.incrementAndGet();
                    }
                });
    }

    /** Records acknowledged by the broker so far. */
    long sent() {
        return sent.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
