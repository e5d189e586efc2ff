package kz.migration.monitor.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kz.migration.monitor.event.Topics;
import kz.migration.monitor.kafka.MonitorAcls;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The secure embedded broker grants each principal its rights of {@link MonitorAcls}, no more. */
class SecureEmbeddedKafkaTest {

    @RegisterExtension static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.secure();

    @BeforeAll
    static void topics() {
        KAFKA.createTopics(1, Topics.all().toArray(String[]::new));
    }

    @Test
    void aProducerWritesItsOwnTopic() throws Exception {
        try (KafkaProducer<String, String> producer = producer("border-control")) {
            RecordMetadata written =
                    producer.send(new ProducerRecord<>(Topics.BORDER_CROSSINGS, "k", "{}"))
                            .get(30, TimeUnit.SECONDS);
            assertThat(written.offset()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void aProducerCannotWriteAnotherProducersTopic() {
        try (KafkaProducer<String, String> producer = producer("border-control")) {
            assertThatThrownBy(
                            () ->
                                    producer.send(
                                                    new ProducerRecord<>(
                                                            Topics.REGISTRATIONS, "k", "{}"))
                                            .get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aProducerCannotReadAlerts() {
        try (KafkaConsumer<String, String> consumer = consumer("border-control", null)) {
            consumer.assign(List.of(new TopicPartition(Topics.ALERTS, 0)));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaConsumer<String, String> consumer =
                consumer("border-control", "border-control-reads")) {
            consumer.subscribe(List.of(Topics.ALERTS));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void theJobCannotUseAnotherConsumerGroup() {
        try (KafkaConsumer<String, String> consumer =
                consumer(MonitorAcls.MONITOR, MonitorAcls.Groups.DEFAULT.forwarder())) {
            consumer.subscribe(List.of(Topics.BORDER_CROSSINGS));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void onlyOperatorsReadDeadLetters() {
        try (KafkaConsumer<String, String> consumer = consumer(MonitorAcls.FORWARDER, null)) {
            consumer.assign(List.of(new TopicPartition(Topics.DEAD_LETTERS, 0)));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaConsumer<String, String> consumer = consumer(MonitorAcls.MONITOR, null)) {
            consumer.assign(List.of(new TopicPartition(Topics.DEAD_LETTERS, 0)));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
        assertThat(
                        KafkaClients.readCommitted(
                                KAFKA.bootstrapServers(),
                                Topics.DEAD_LETTERS,
                                KAFKA.clientProperties(MonitorAcls.OPERATORS)))
                .isEmpty();
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> config = new HashMap<>(KAFKA.clientProperties(MonitorAcls.MONITOR));
        config.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"monitor\" password=\"not-the-password\";");
        assertThat(describeCluster(config))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void anAnonymousPlaintextClientIsRefused() {
        // No TLS, no SASL: the broker's listener never completes a handshake with it, so the
        // client learns nothing and gives up.
        assertThat(describeCluster(new HashMap<>()))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(TimeoutException.class);
    }

    @Test
    void anAnonymousTlsClientIsRefused() {
        Map<String, Object> config = new HashMap<>(KAFKA.clientProperties(MonitorAcls.MONITOR));
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
        config.remove("sasl.jaas.config");
        config.remove("sasl.mechanism");
        assertThat(describeCluster(config))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(TimeoutException.class);
    }

    private static Throwable describeCluster(Map<String, Object> config) {
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    private static KafkaProducer<String, String> producer(String principal) {
        Map<String, Object> config = new HashMap<>(KAFKA.clientProperties(principal));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String principal, String group) {
        Map<String, Object> config = new HashMap<>(KAFKA.clientProperties(principal));
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
