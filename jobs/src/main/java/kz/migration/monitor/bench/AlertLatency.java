package kz.migration.monitor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Send times of input events by their event time, and a {@code read_committed} reader of the alerts
 * topic that takes, for every alert raised at an input event's {@code occurredAt} (a banned entry,
 * a hire without a permit, a quota breach), the time from that event's send to the moment the alert
 * became visible to it.
 *
 * <p>The alerts topic must stamp records with the broker's append time ({@code
 * message.timestamp.type=LogAppendTime}): each latency then splits at the moment the job wrote the
 * alert, before its transaction committed, into the job's processing (with its waits for the
 * watermark) and the wait for the checkpoint that commits it.
 */
final class AlertLatency implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Event time (ms) to the earliest wall-clock send (ms) of an input event at that instant. */
    private final Map<Long, Long> sentAt = new ConcurrentHashMap<>();

    private final Map<String, List<Long>> latencies = new TreeMap<>();

    /** Of the measured alerts, the time from the input's send to the job's write of the alert. */
    private final List<Long> toWrite = new ArrayList<>();

    /** Of the measured alerts, the time from the job's write to the alert's visibility. */
    private final List<Long> toVisible = new ArrayList<>();

    private final Map<String, Long> unmatched = new TreeMap<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread reader;
    private volatile long measuredFromMillis = Long.MAX_VALUE;
    private volatile long lastAlertMillis;
    private long warmUpAlerts;

    AlertLatency(String bootstrapServers, String alertsTopic) {
        reader = new Thread(() -> read(bootstrapServers, alertsTopic), "bench-alert-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Records that an input event at {@code occurredAt} is being sent now. */
    void sent(Instant occurredAt) {
        sentAt.putIfAbsent(occurredAt.toEpochMilli(), System.currentTimeMillis());
    }

    /** Alerts caused by events sent before {@code wallMillis} count as warm-up. */
    void measureFrom(long wallMillis) {
        measuredFromMillis = wallMillis;
    }

    /** When the last alert became visible (wall-clock ms), 0 before the first. */
    long lastAlertMillis() {
        return lastAlertMillis;
    }

    private void read(String bootstrapServers, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Delivered as soon as a commit makes records visible, not when a batch fills.
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!stop.get()) {
                var records = consumer.poll(Duration.ofMillis(100));
                long visible = System.currentTimeMillis();
                for (ConsumerRecord<String, String> r : records) {
                    take(r.value(), r.timestamp(), visible);
                }
            }
        }
    }

    private void take(String json, long written, long visible) {
        lastAlertMillis = visible;
        String type;
        long raisedAt;
        try {
            JsonNode alert = JSON.readTree(json);
            type = alert.path("type").asText();
            raisedAt = Instant.parse(alert.path("raisedAt").asText()).toEpochMilli();
        } catch (Exception e) {
            return;
        }
        Long sent = sentAt.get(raisedAt);
        synchronized (this) {
            if (sent == null) {
                // Raised at no input event's instant: an end of day, an overstay's first day.
                unmatched.merge(type, 1L, Long::sum);
            } else if (sent < measuredFromMillis) {
                warmUpAlerts++;
            } else {
                latencies.computeIfAbsent(type, t -> new ArrayList<>()).add(visible - sent);
                toWrite.add(written - sent);
                toVisible.add(visible - written);
            }
        }
    }

    /** Latency percentiles (ms) of one set of alerts. */
    record Histogram(int count, long p50, long p90, long p99, long max) {
        static Histogram of(List<Long> values) {
            long[] v = values.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(v);
            if (v.length == 0) {
                return new Histogram(0, 0, 0, 0, 0);
            }
            return new Histogram(v.length, at(v, 0.50), at(v, 0.90), at(v, 0.99), v[v.length - 1]);
        }

        private static long at(long[] sorted, double q) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
        }
    }

    /** Per alert type and over all, the measured alerts' histogram. */
    synchronized Map<String, Histogram> histograms() {
        Map<String, Histogram> h = new TreeMap<>();
        List<Long> all = new ArrayList<>();
        latencies.forEach(
                (type, values) -> {
                    h.put(type, Histogram.of(values));
                    all.addAll(values);
                });
        h.put("all", Histogram.of(all));
        return h;
    }

    /**
     * The measured alerts' latency in two parts.
     *
     * @param written from the input's send to the job's write of the alert
     * @param committed from that write to the alert's visibility
     */
    record Parts(Histogram written, Histogram committed) {}

    synchronized Parts parts() {
        return new Parts(Histogram.of(toWrite), Histogram.of(toVisible));
    }

    synchronized Map<String, Long> unmatched() {
        return new TreeMap<>(unmatched);
    }

    synchronized long warmUpAlerts() {
        return warmUpAlerts;
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        reader.join(10_000);
    }
}
