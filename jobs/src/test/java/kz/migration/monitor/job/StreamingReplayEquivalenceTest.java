package kz.migration.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.generator.GeneratorSettings;
import kz.migration.monitor.generator.TrafficGenerator;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.kafka.KafkaBrokerExtension;
import kz.migration.monitor.kafka.Topics;
import kz.migration.monitor.replay.ReplayRun;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming job, end to end through a real Kafka broker with exactly-once sinks read
 * {@code read_committed}, gives the same outputs as {@code replay} over the same records.
 */
class StreamingReplayEquivalenceTest {

    @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void handMadeScenarioThroughKafkaMatchesReplay() throws Exception {
        assertSameOutputs("scenario", Scenario.records(), Duration.ofMinutes(5));
    }

    @Test
    void generatedTrafficThroughKafkaMatchesReplay() throws Exception {
        // Two months of realistic traffic with duplicates, malformed records and records up to ten
        // minutes late: within an allowed lateness of an hour the streaming job must agree with replay.
        Map<SourceStream, List<String>> input = new EnumMap<>(SourceStream.class);
        new TrafficGenerator(
                        new GeneratorSettings(7, LocalDate.parse("2026-01-01"), 60, 400, 0.01, 0.02, 0.01, 0.01))
                .generate((stream, key, json, at) ->
                        input.computeIfAbsent(SourceStream.ofTopic(stream), s -> new ArrayList<>()).add(json));
        assertSameOutputs("generated", input, Duration.ofHours(1));
    }

    private void assertSameOutputs(String name, Map<SourceStream, List<String>> input, Duration lateness)
            throws Exception {
        String prefix = name + ".";
        String[] inputs = Topics.inputs().stream().map(t -> prefix + t).toArray(String[]::new);
        String[] outputs = Topics.outputs().stream().map(t -> prefix + t).toArray(String[]::new);
        KAFKA.createTopics(2, inputs);
        KAFKA.createTopics(1, outputs);
        produce(prefix, input);

        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        env.enableCheckpointing(500);
        env.getCheckpointConfig().setCheckpointTimeout(60_000);
        StreamingJob job =
                new StreamingJob(
                        new KafkaInputs.Config(
                                KAFKA.bootstrapServers(), prefix, name + "-test", true, lateness,
                                Duration.ofSeconds(5), true),
                        prefix,
                        MonitorSettings.streaming(new Pseudonymiser(ReplayRun.KEY)).withLateness(lateness, Duration.ofSeconds(5)),
                        2, Duration.ofMillis(500), null, "hashmap");
        job.define(env);
        env.execute(name);

        ReplayRun replay = new ReplayRun(dir.resolve(name));
        input.forEach((s, lines) -> replay.add(s.topic(), lines.toArray(String[]::new)));
        // Streaming has no as-of: every timer fires when the bounded input ends. A far-future as-of
        // gives the replay the same.
        ReplayRun.Outputs expected = replay.run(Instant.parse("2100-01-01T00:00:00Z"));

        assertThat(expected.alerts()).isNotEmpty();
        assertThat(read(prefix + Topics.ALERTS)).containsExactlyInAnyOrderElementsOf(strings(expected.alerts()));
        assertThat(read(prefix + Topics.FLOW_STATS)).containsExactlyInAnyOrderElementsOf(strings(expected.flowStats()));
        assertThat(read(prefix + Topics.FLOW_MATRIX)).containsExactlyInAnyOrderElementsOf(strings(expected.flowMatrix()));
        assertThat(withoutReceivedAt(read(prefix + Topics.DEAD_LETTERS)))
                .containsExactlyInAnyOrderElementsOf(withoutReceivedAt(strings(expected.deadLetters())));
    }

    private static List<String> strings(List<com.fasterxml.jackson.databind.JsonNode> rows) {
        return rows.stream().map(Object::toString).collect(Collectors.toList());
    }

    private static List<String> withoutReceivedAt(List<String> rows) throws Exception {
        List<String> out = new ArrayList<>();
        for (String r : rows) {
            ObjectNode o = (ObjectNode) JSON.readTree(r);
            o.remove("receivedAt");
            out.add(o.toString());
        }
        return out;
    }

    private static void produce(String prefix, Map<SourceStream, List<String>> input) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
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

    /** Everything committed to a topic, as the JSON text of each record (normalised). */
    private static List<String> read(String topic) throws Exception {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
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
}
