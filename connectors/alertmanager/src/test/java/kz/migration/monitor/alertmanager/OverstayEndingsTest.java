package kz.migration.monitor.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import kz.migration.monitor.testsupport.KafkaBrokerExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link OverstayEndings} kept in its compacted topic on a real broker, across restarts. */
class OverstayEndingsTest {

    @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final Instant FEB_20 = Instant.parse("2026-02-20T08:00:00Z");
    private static final Instant MAR_01 = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void theLatestEndOfEachSubjectSurvivesARestartInACompactedTopic() throws Exception {
        try (OverstayEndings first = OverstayEndings.inTopic(KAFKA.bootstrapServers(), "ends")) {
            assertThat(first.restore()).isZero();
            first.remember("5u8j", FEB_20);
            first.remember("5u8j", MAR_01);
            first.remember("5u8j", FEB_20); // an earlier stay's end read late changes nothing
            first.remember("a1b2", FEB_20);
        }
        try (OverstayEndings restarted =
                OverstayEndings.inTopic(KAFKA.bootstrapServers(), "ends")) {
            assertThat(restarted.restore()).isEqualTo(2);
            assertThat(restarted.endedAt("5u8j")).isEqualTo(MAR_01);
            assertThat(restarted.endedAt("a1b2")).isEqualTo(FEB_20);
            assertThat(restarted.endedAt("never")).isNull();
        }
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                KAFKA.bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "ends");
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            assertThat(admin.describeTopics(List.of("ends")).allTopicNames().get())
                    .extractingByKey("ends")
                    .satisfies(d -> assertThat(d.partitions()).hasSize(1));
        }
    }

    @Test
    void aSubjectDroppedFromMemoryIsDroppedFromTheTopicToo() throws Exception {
        try (OverstayEndings first =
                OverstayEndings.inTopic(KAFKA.bootstrapServers(), "small", 2)) {
            first.restore();
            first.remember("s1", FEB_20);
            first.remember("s2", FEB_20);
            assertThat(first.endedAt("s1")).isEqualTo(FEB_20); // s1 used: s2 is now the eldest
            first.remember("s3", MAR_01);
            assertThat(first.size()).isEqualTo(2);
            assertThat(first.endedAt("s2")).isNull();
        }
        try (OverstayEndings restarted =
                OverstayEndings.inTopic(KAFKA.bootstrapServers(), "small", 2)) {
            assertThat(restarted.restore()).isEqualTo(2);
            assertThat(restarted.endedAt("s1")).isEqualTo(FEB_20);
            assertThat(restarted.endedAt("s2")).isNull();
            assertThat(restarted.endedAt("s3")).isEqualTo(MAR_01);
        }
    }
}
