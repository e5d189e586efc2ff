package kz.migration.monitor.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kz.migration.monitor.event.Topics;
import kz.migration.monitor.kafka.MonitorAcls;
import kz.migration.monitor.testsupport.KafkaBrokerExtension;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The forwarder's Kafka clients on a secure broker, as {@code forwarder}: its state topic and the
 * alerts in its own group, nothing else.
 */
class SecureForwarderKafkaTest {

    @RegisterExtension static final KafkaBrokerExtension KAFKA = KafkaBrokerExtension.secure();

    private static final String GROUP = MonitorAcls.Groups.DEFAULT.forwarder();

    private static Map<String, String> forwarder() {
        return KAFKA.clientProperties(MonitorAcls.FORWARDER);
    }

    @Test
    void theForwarderCreatesWritesAndRestoresItsStateTopic() throws Exception {
        Instant ended = Instant.parse("2026-02-20T08:00:00Z");
        String state = AlertForwarder.stateTopic(GROUP);
        try (OverstayEndings first =
                OverstayEndings.inTopic(KAFKA.bootstrapServers(), state, forwarder())) {
            assertThat(first.restore()).isZero();
            first.remember("5u8j", ended);
        }
        try (OverstayEndings restarted =
                OverstayEndings.inTopic(KAFKA.bootstrapServers(), state, forwarder())) {
            assertThat(restarted.restore()).isEqualTo(1);
            assertThat(restarted.endedAt("5u8j")).isEqualTo(ended);
        }
    }

    @Test
    void theForwarderCannotUseAnotherStateTopic() {
        try (OverstayEndings other =
                OverstayEndings.inTopic(
                        KAFKA.bootstrapServers(), "someone-else-state", forwarder())) {
            assertThatThrownBy(other::restore)
                    .isInstanceOf(KafkaException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void theForwarderReadsAlertsInItsOwnGroupOnly() {
        KAFKA.createTopics(1, Topics.ALERTS);
        Properties own = AlertForwarder.consumerProperties(KAFKA.bootstrapServers(), GROUP);
        own.putAll(forwarder());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(own)) {
            consumer.subscribe(List.of(Topics.ALERTS));
            assertThat(consumer.poll(Duration.ofSeconds(5))).isEmpty();
        }
        Properties other =
                AlertForwarder.consumerProperties(KAFKA.bootstrapServers(), "another-forwarder");
        other.putAll(forwarder());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(other)) {
            consumer.subscribe(List.of(Topics.ALERTS));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(GroupAuthorizationException.class);
        }
    }
}
