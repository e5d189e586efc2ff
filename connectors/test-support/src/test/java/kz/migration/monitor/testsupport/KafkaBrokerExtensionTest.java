package kz.migration.monitor.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import kz.migration.monitor.event.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KafkaBrokerExtensionTest {

    @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @Test
    void brokerAnswersOnLoopback() throws Exception {
        assertThat(KAFKA.bootstrapServers()).startsWith("127.0.0.1:");
        try (Admin admin = admin()) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
        }
    }

    @Test
    void createsEveryContractTopicWithTheRequestedPartitions() throws Exception {
        KAFKA.createTopics(3, Topics.all().toArray(String[]::new));
        // Topics that already exist are accepted, so the demo can re-run against a kept log
        // directory.
        KAFKA.createTopics(3, Topics.ALERTS);

        try (Admin admin = admin()) {
            Map<String, TopicDescription> topics =
                    admin.describeTopics(Topics.all()).allTopicNames().get();
            assertThat(topics).containsOnlyKeys(Topics.all());
            assertThat(topics.values()).allSatisfy(t -> assertThat(t.partitions()).hasSize(3));
        }
    }

    @Test
    void readCommittedSeesExactlyTheCommittedRecords() {
        KAFKA.createTopics(2, "committed");
        List<String> values = IntStream.range(0, 20).mapToObj(i -> "event-" + i).toList();

        KafkaClients.writeInTransaction(KAFKA.bootstrapServers(), "committed", values, true);

        assertThat(KafkaClients.readCommitted(KAFKA.bootstrapServers(), "committed"))
                .containsExactlyInAnyOrderElementsOf(values);
    }

    @Test
    void readCommittedDoesNotSeeAbortedRecords() {
        KAFKA.createTopics(2, "aborted");

        KafkaClients.writeInTransaction(
                KAFKA.bootstrapServers(), "aborted", List.of("ghost-1", "ghost-2"), false);
        // A later commit moves the last stable offset past the aborted batch, so the read covers
        // it.
        KafkaClients.writeInTransaction(
                KAFKA.bootstrapServers(), "aborted", List.of("kept-1", "kept-2"), true);

        assertThat(KafkaClients.readCommitted(KAFKA.bootstrapServers(), "aborted"))
                .containsExactlyInAnyOrder("kept-1", "kept-2");
    }

    private static Admin admin() {
        return Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()));
    }
}
