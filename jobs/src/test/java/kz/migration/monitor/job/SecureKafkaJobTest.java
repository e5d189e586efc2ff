package kz.migration.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.event.Topics;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.kafka.MonitorAcls;
import kz.migration.monitor.replay.ReplayRun;
import kz.migration.monitor.testsupport.KafkaBrokerExtension;
import kz.migration.monitor.testsupport.KafkaClients;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming job on a broker with TLS, SCRAM and ACLs: each input written by its own producer,
 * the job reading and writing exactly once as {@code monitor}, and its outputs read by {@code
 * operators}; the same alerts as a replay. Without the job's credentials nothing is read.
 */
class SecureKafkaJobTest {

    @RegisterExtension static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.secure();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void theJobRunsWithItsOwnCredentials() throws Exception {
        KAFKA.createTopics(2, Topics.inputs().toArray(String[]::new));
        KAFKA.createTopics(1, Topics.outputs().toArray(String[]::new));
        Map<SourceStream, List<String>> input = Scenario.records();
        input.forEach(this::produceAsItsProducer);

        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        env.enableCheckpointing(500);
        new StreamingJob(
                        new KafkaInputs.Config(
                                        KAFKA.bootstrapServers(),
                                        "",
                                        MonitorAcls.Groups.DEFAULT.monitor(),
                                        true,
                                        TopicIo.disorder(input),
                                        Duration.ZERO,
                                        true)
                                .withClientProperties(KAFKA.clientProperties(MonitorAcls.MONITOR)),
                        "",
                        MonitorSettings.streaming(new Pseudonymiser(ReplayRun.KEY)),
                        2,
                        Duration.ofMillis(500),
                        null,
                        "hashmap",
                        StateChangelog.OFF)
                .define(env);
        env.execute("secure");

        ReplayRun replay = new ReplayRun(dir);
        input.forEach((s, lines) -> replay.add(s.topic(), lines.toArray(String[]::new)));
        ReplayRun.Outputs expected = replay.run(Instant.parse("2100-01-01T00:00:00Z"));
        assertThat(expected.alerts()).isNotEmpty();
        assertThat(readAsOperators(Topics.ALERTS))
                .containsExactlyInAnyOrderElementsOf(TopicIo.strings(expected.alerts()));
        assertThat(readAsOperators(Topics.DEAD_LETTERS)).hasSize(expected.deadLetters().size());
    }

    @Test
    void theForwarderCannotReadTheInputs() {
        KAFKA.createTopics(2, Topics.inputs().toArray(String[]::new));
        assertThatThrownBy(
                        () ->
                                KafkaClients.readCommitted(
                                        KAFKA.bootstrapServers(),
                                        Topics.BORDER_CROSSINGS,
                                        KAFKA.clientProperties(MonitorAcls.FORWARDER)))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    private List<String> readAsOperators(String topic) throws Exception {
        List<String> rows = new ArrayList<>();
        for (String value :
                KafkaClients.readCommitted(
                        KAFKA.bootstrapServers(),
                        topic,
                        KAFKA.clientProperties(MonitorAcls.OPERATORS))) {
            rows.add(JSON.readTree(value).toString());
        }
        return rows;
    }

    /** Writes a stream's lines in order as the one principal that may write its topic. */
    private void produceAsItsProducer(SourceStream stream, List<String> lines) {
        String principal =
                MonitorAcls.PRODUCERS.entrySet().stream()
                        .filter(e -> e.getValue().equals(stream.topic()))
                        .findFirst()
                        .orElseThrow()
                        .getKey();
        Map<String, Object> config = new HashMap<>(KAFKA.clientProperties(principal));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            int i = 0;
            for (String line : lines) {
                sent.add(
                        producer.send(new ProducerRecord<>(stream.topic(), "k" + (i++ % 7), line)));
            }
            for (Future<RecordMetadata> f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new AssertionError("cannot produce " + stream.topic() + " as " + principal, e);
        }
    }
}
