package kz.migration.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.event.Topics;
import kz.migration.monitor.generator.GeneratorSettings;
import kz.migration.monitor.generator.TrafficGenerator;
import kz.migration.monitor.json.InputParser;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.testsupport.KafkaBrokerExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code generate --bootstrap} produces generated days to a real broker; read back through the
 * contract's parsers they give no dead letter and exactly the generator's counts per stream.
 */
class GenerateToKafkaTest {

    @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final Pseudonymiser PSEUDONYMISER = new Pseudonymiser("generate-test-key");

    @Test
    void generatedDaysReadBackThroughTheParsersWithoutDeadLetters() throws Exception {
        KAFKA.createTopics(2, Topics.inputs().toArray(String[]::new));

        assertThat(
                        MonitorCli.run(
                                "generate",
                                "--bootstrap",
                                KAFKA.bootstrapServers(),
                                "--scale",
                                "3000",
                                "--days",
                                "2",
                                "--rate",
                                "100000"))
                .isZero();

        Map<String, Long> expected =
                new TrafficGenerator(
                                new GeneratorSettings(
                                        1, LocalDate.parse("2026-01-01"), 2, 3000, 0, 0, 0, 0))
                        .generate((stream, key, json, at) -> {});
        Map<String, Long> counts = new HashMap<>();
        List<String> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> r : consumeAll()) {
            counts.merge(r.topic(), 1L, Long::sum);
            var parsed =
                    InputParser.of(SourceStream.ofTopic(r.topic()), PSEUDONYMISER)
                            .parse(r.value(), java.time.Instant.EPOCH);
            if (!parsed.isValid()) {
                rejected.add(parsed.deadLetter().reason());
            } else if (parsed.event().subjectRef() != null) {
                assertThat(parsed.event().subjectRef())
                        .isEqualTo(PSEUDONYMISER.subjectRef(r.key()));
            }
        }
        assertThat(rejected).isEmpty();
        assertThat(counts).isEqualTo(expected);
        // quotas, thresholds and the shortage list, then the register of entry bans
        assertThat(counts.get("reference-data")).isGreaterThan(123 + 81);
        assertThat(counts.get("border-crossings")).isGreaterThan(4000);
    }

    private static List<ConsumerRecord<String, String>> consumeAll() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "generate-test");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Topics.inputs());
            int idle = 0;
            while (idle < 5) {
                var records = consumer.poll(Duration.ofSeconds(1));
                idle = records.isEmpty() ? idle + 1 : 0;
                records.forEach(all::add);
            }
        }
        return all;
    }
}
