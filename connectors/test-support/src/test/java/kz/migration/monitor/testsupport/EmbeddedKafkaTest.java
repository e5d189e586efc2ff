package kz.migration.monitor.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kz.migration.monitor.event.Topics;
import kz.migration.monitor.kafka.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    @Test
    void restartOnTheSameLogDirKeepsCommittedRecordsAndDropsAbortedOnes(@TempDir Path logDir) {
        EmbeddedKafka.Options options = EmbeddedKafka.Options.defaults().withLogDir(logDir);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(options)) {
            kafka.createTopics(2, Topics.BORDER_CROSSINGS);
            KafkaClients.writeInTransaction(
                    kafka.bootstrapServers(), Topics.BORDER_CROSSINGS, List.of("a", "b"), true);
            KafkaClients.writeInTransaction(
                    kafka.bootstrapServers(), Topics.BORDER_CROSSINGS, List.of("x"), false);
            KafkaClients.writeInTransaction(
                    kafka.bootstrapServers(), Topics.BORDER_CROSSINGS, List.of("c"), true);
        }
        // A caller-given log dir belongs to the caller.
        assertThat(logDir).isDirectory();

        int fixedPort = freePort();
        try (EmbeddedKafka restarted = EmbeddedKafka.start(options.withPort(fixedPort))) {
            assertThat(restarted.bootstrapServers()).isEqualTo("127.0.0.1:" + fixedPort);
            assertThat(
                            KafkaClients.readCommitted(
                                    restarted.bootstrapServers(), Topics.BORDER_CROSSINGS))
                    .containsExactlyInAnyOrder("a", "b", "c");
            // Writes keep working after the restart: the transaction coordinator recovered its
            // state.
            KafkaClients.writeInTransaction(
                    restarted.bootstrapServers(), Topics.BORDER_CROSSINGS, List.of("d"), true);
            assertThat(
                            KafkaClients.readCommitted(
                                    restarted.bootstrapServers(), Topics.BORDER_CROSSINGS))
                    .containsExactlyInAnyOrder("a", "b", "c", "d");
        }
    }

    @Test
    void createdTopicsKeepRecordsStampedLongAgo() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
                Admin admin =
                        Admin.create(
                                Map.of(
                                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                        kafka.bootstrapServers()))) {
            kafka.createTopics(1, Topics.BORDER_CROSSINGS);
            ConfigResource topic =
                    new ConfigResource(ConfigResource.Type.TOPIC, Topics.BORDER_CROSSINGS);
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            // Event-time timestamps of generated history are months old: the default 7 days
            // would delete them.
            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
        }
    }

    @Test
    void startFailsCleanlyWhenTheFixedPortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EmbeddedKafka.Options options =
                    EmbeddedKafka.Options.defaults().withPort(taken.getLocalPort());
            assertThatThrownBy(() -> EmbeddedKafka.start(options))
                    .hasRootCauseInstanceOf(BindException.class);
        }
    }

    @Test
    void closeDeletesATemporaryLogDir() {
        Path logDir;
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            logDir = kafka.logDir();
            assertThat(logDir).isDirectory();
        }
        assertThat(Files.exists(logDir)).isFalse();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
