package kz.migration.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import kz.migration.monitor.event.Topics;
import kz.migration.monitor.generator.GeneratorSettings;
import kz.migration.monitor.generator.TrafficGenerator;
import kz.migration.monitor.kafka.MonitorAcls;
import kz.migration.monitor.testsupport.KafkaBrokerExtension;
import kz.migration.monitor.testsupport.KafkaClients;
import kz.migration.monitor.testsupport.KafkaSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code generate --kafka-secrets} on a secure broker writes each input as that input's producer
 * (no principal may write all four), and {@code --kafka-properties} of a producer that may not
 * write the other topics fails the command instead of losing records.
 */
class SecureGenerateTest {

    @RegisterExtension static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.secure();

    @Test
    void eachInputIsWrittenByItsOwnProducer() {
        KAFKA.createTopics(1, Topics.inputs().toArray(String[]::new));
        assertThat(
                        MonitorCli.run(
                                "generate",
                                "--bootstrap",
                                KAFKA.bootstrapServers(),
                                "--kafka-secrets",
                                KafkaSecrets.generated().toString(),
                                "--scale",
                                "200",
                                "--days",
                                "2"))
                .isZero();
        Map<String, Long> expected =
                new TrafficGenerator(
                                new GeneratorSettings(
                                        1, LocalDate.parse("2026-01-01"), 2, 200, 0, 0, 0, 0))
                        .generate((stream, key, json, at) -> {});
        Map<String, Long> counts = new HashMap<>();
        for (String topic : Topics.inputs()) {
            // The job's principal reads the inputs.
            counts.put(
                    topic,
                    (long)
                            KafkaClients.readCommitted(
                                            KAFKA.bootstrapServers(),
                                            topic,
                                            KAFKA.clientProperties(MonitorAcls.MONITOR))
                                    .size());
        }
        assertThat(counts).isEqualTo(expected);
    }

    @Test
    void oneProducersCredentialsForAllInputsFail() {
        KAFKA.createTopics(1, Topics.inputs().toArray(String[]::new));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        int code;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            code =
                    MonitorCli.run(
                            "generate",
                            "--bootstrap",
                            KAFKA.bootstrapServers(),
                            "--kafka-properties",
                            KafkaSecrets.generated()
                                    .resolve("border-control.properties")
                                    .toString(),
                            "--scale",
                            "200",
                            "--days",
                            "1");
        } finally {
            System.setErr(stderr);
        }
        assertThat(code).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("producing to Kafka failed: Not authorized to access topics");
    }
}
