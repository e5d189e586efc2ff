package kz.migration.monitor.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** How many committed records each output topic holds: proof that a run did its work. */
final class OutputCounts {

    private OutputCounts() {}

    /** Committed records per topic, read with {@code read_committed} to the end. */
    static Map<String, Long> committed(String bootstrapServers, List<String> topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, Long> counts = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String t : topics) {
                counts.put(t, 0L);
                for (PartitionInfo info : consumer.partitionsFor(t)) {
                    partitions.add(new TopicPartition(t, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // read_committed: the end is the last stable offset, so no open transaction holds us.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (end.entrySet().stream()
                    .anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(Duration.ofMillis(500))
                        .forEach(r -> counts.merge(r.topic(), 1L, Long::sum));
            }
        }
        return counts;
    }

    /** {@code now - before}, per topic. */
    static Map<String, Long> difference(Map<String, Long> now, Map<String, Long> before) {
        Map<String, Long> d = new LinkedHashMap<>();
        now.forEach((t, n) -> d.put(t, n - before.getOrDefault(t, 0L)));
        return d;
    }
}
