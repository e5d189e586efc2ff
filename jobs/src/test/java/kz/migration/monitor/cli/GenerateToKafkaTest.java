package kz.migration.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import kz.migration.monitor.generator.GeneratedRecordSink;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Test;

class GenerateToKafkaTest {

    @Test
    void producesKeyedTimestampedRecordsToTheFourTopics() throws Exception {
        try (KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .build()) {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            String bootstrap = cluster.bootstrapServers();
            createTopics(bootstrap);

            assertThat(MonitorCli.run("generate", "--bootstrap", bootstrap, "--scale", "3000",
                    "--days", "2", "--rate", "100000")).isZero();

            Map<String, Integer> counts = new HashMap<>();
            List<ConsumerRecord<String, String>> sample = consumeAll(bootstrap, counts);
            assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(GeneratedRecordSink.STREAMS);
            assertThat(counts.get("reference-data")).isEqualTo(123);
            assertThat(sample).allSatisfy(r -> {
                assertThat(r.value()).contains("\"occurredAt\"");
                if (!r.topic().equals("reference-data")) {
                    assertThat(r.value()).contains("\"personId\":\"" + r.key() + "\"");
                }
                assertThat(r.timestamp()).isBetween(1_767_207_600_000L, 1_767_380_400_000L);
            });
        }
    }

    private static void createTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(GeneratedRecordSink.STREAMS.stream()
                    .map(t -> new NewTopic(t, 1, (short) 1)).toList()).all().get();
            // createTopics returns before the partitions accept writes (stack notes, pitfall 2)
            Map<TopicPartition, OffsetSpec> latest = GeneratedRecordSink.STREAMS.stream()
                    .collect(Collectors.toMap(t -> new TopicPartition(t, 0), t -> OffsetSpec.latest()));
            for (int attempt = 0; ; attempt++) {
                try {
                    admin.listOffsets(latest).all().get();
                    return;
                } catch (Exception e) {
                    if (attempt > 50) {
                        throw e;
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    private static List<ConsumerRecord<String, String>> consumeAll(String bootstrap, Map<String, Integer> counts) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "generate-test");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> sample = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(GeneratedRecordSink.STREAMS);
            int idle = 0;
            while (idle < 5) {
                var records = consumer.poll(Duration.ofSeconds(1));
                idle = records.isEmpty() ? idle + 1 : 0;
                for (ConsumerRecord<String, String> r : records) {
                    counts.merge(r.topic(), 1, Integer::sum);
                    if (sample.size() < 500) {
                        sample.add(r);
                    }
                }
            }
        }
        return sample;
    }
}
