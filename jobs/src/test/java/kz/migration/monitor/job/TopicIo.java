package kz.migration.monitor.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.json.InputParser;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes test input to the input topics and reads committed output back, for end-to-end tests. */
final class TopicIo {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicIo() {}

    /** Produces each stream's lines, in order, to {@code prefix + stream}. */
    static void produce(String bootstrap, String prefix, Map<SourceStream, List<String>> input) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (Map.Entry<SourceStream, List<String>> e : input.entrySet()) {
                int i = 0;
                for (String line : e.getValue()) {
                    producer.send(new ProducerRecord<>(prefix + e.getKey().topic(), "k" + (i++ % 7), line));
                }
            }
            producer.flush();
        }
    }

    /**
     * The longest a valid record lies behind an earlier one of its stream, in the order {@link
     * #produce} writes them: the least allowed lateness under which none of {@code input} is late,
     * whichever partitions its records land in (each partition gets a subsequence of that order).
     */
    static Duration disorder(Map<SourceStream, List<String>> input) {
        long worst = 0;
        for (Map.Entry<SourceStream, List<String>> e : input.entrySet()) {
            long latest = Long.MIN_VALUE;
            for (long ts : eventTimes(e.getKey(), e.getValue())) {
                if (latest != Long.MIN_VALUE) {
                    worst = Math.max(worst, latest - ts);
                }
                latest = Math.max(latest, ts);
            }
        }
        return Duration.ofMillis(worst);
    }

    /** The event times of a stream's valid records, in their order. */
    static long[] eventTimes(SourceStream stream, List<String> lines) {
        InputParser<? extends InputEvent> parser = InputParser.of(stream);
        return lines.stream()
                .map(line -> parser.parse(line, Instant.EPOCH).event())
                .filter(Objects::nonNull)
                .mapToLong(InputEvent::timestamp)
                .toArray();
    }

    /** Everything committed to a topic, each record's JSON normalised to one line. */
    static List<String> readCommitted(String bootstrap, String topic) throws Exception {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> rows = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts =
                    c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            Set<TopicPartition> done = new HashSet<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (done.size() < parts.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    rows.add(JSON.readTree(r.value()).toString());
                }
                for (TopicPartition tp : parts) {
                    if (c.position(tp) >= end.get(tp)) {
                        done.add(tp);
                    }
                }
            }
        }
        return rows;
    }

    static List<String> strings(List<JsonNode> rows) {
        return rows.stream().map(Object::toString).collect(Collectors.toList());
    }
}
