package kz.migration.monitor.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Collectors;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.event.Topics;
import kz.migration.monitor.generator.GeneratorSettings;
import kz.migration.monitor.generator.TrafficGenerator;
import kz.migration.monitor.json.InputParser;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.testsupport.KafkaBrokerExtension;
import kz.migration.monitor.testsupport.KafkaClients;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes test input to the input topics and reads committed output back, for end-to-end tests. */
final class TopicIo {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicIo() {}

    /** The generator's traffic as each stream's lines, in the order it writes them. */
    static Map<SourceStream, List<String>> generated(GeneratorSettings settings) {
        Map<SourceStream, List<String>> input = new EnumMap<>(SourceStream.class);
        new TrafficGenerator(settings)
                .generate(
                        (stream, key, json, at) ->
                                input.computeIfAbsent(
                                                SourceStream.ofTopic(stream),
                                                s -> new ArrayList<>())
                                        .add(json));
        return input;
    }

    /**
     * Creates {@code prefix +} every input topic with two partitions and every output topic with
     * one, and produces {@code input} to them.
     */
    static void createAndProduce(
            KafkaBrokerExtension kafka, String prefix, Map<SourceStream, List<String>> input) {
        kafka.createTopics(2, Topics.inputs().stream().map(t -> prefix + t).toArray(String[]::new));
        kafka.createTopics(
                1, Topics.outputs().stream().map(t -> prefix + t).toArray(String[]::new));
        produce(kafka.bootstrapServers(), prefix, input);
    }

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
                    producer.send(
                            new ProducerRecord<>(
                                    prefix + e.getKey().topic(), "k" + (i++ % 7), line));
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
        InputParser<? extends InputEvent> parser =
                InputParser.of(stream, new Pseudonymiser("event-times"));
        return lines.stream()
                .map(line -> parser.parse(line, Instant.EPOCH).event())
                .filter(Objects::nonNull)
                .mapToLong(InputEvent::timestamp)
                .toArray();
    }

    /** Everything committed to a topic, each record's JSON normalised to one line. */
    static List<String> readCommitted(String bootstrap, String topic) throws Exception {
        List<String> rows = new ArrayList<>();
        for (String value : KafkaClients.readCommitted(bootstrap, topic)) {
            rows.add(JSON.readTree(value).toString());
        }
        return rows;
    }

    static List<String> strings(List<JsonNode> rows) {
        return rows.stream().map(Object::toString).collect(Collectors.toList());
    }
}
