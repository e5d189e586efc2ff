package kz.migration.monitor.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kz.migration.monitor.event.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the contract's topics with explicit retention, and sets it on topics that exist already.
 *
 * <p>Input records carry their event time as Kafka timestamp; a broker deletes a segment once its
 * newest timestamp is older than the retention (Kafka's default: 7 days), so generated or
 * back-filled history would vanish within minutes. Inputs are therefore kept forever: they are the
 * record that replay and a rebuilt job read. Outputs carry the time they were written, so their
 * retention counts from then: a week, for consumers such as the alert forwarder to catch up.
 */
public final class ContractTopics {

    /** {@code retention.ms} of the input topics: never delete. */
    public static final String INPUT_RETENTION_MS = "-1";

    /** {@code retention.ms} of the output topics: 7 days after writing. */
    public static final String OUTPUT_RETENTION_MS = String.valueOf(Duration.ofDays(7).toMillis());

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private ContractTopics() {}

    /** Creates (or updates the retention of) every contract topic under {@code prefix}. */
    public static void ensure(String bootstrapServers, String prefix, int partitions)
            throws Exception {
        try (Admin admin =
                Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> topics = new ArrayList<>();
            Topics.inputs()
                    .forEach(t -> topics.add(topic(prefix + t, partitions, INPUT_RETENTION_MS)));
            Topics.outputs()
                    .forEach(t -> topics.add(topic(prefix + t, partitions, OUTPUT_RETENTION_MS)));
            for (var e : admin.createTopics(topics).values().entrySet()) {
                try {
                    e.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException ex) {
                    if (!(ex.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + e.getKey(), ex);
                    }
                }
            }
            // Topics created earlier (or by hand) get the retention too.
            Map<ConfigResource, Collection<AlterConfigOp>> retention =
                    topics.stream()
                            .collect(
                                    Collectors.toMap(
                                            t ->
                                                    new ConfigResource(
                                                            ConfigResource.Type.TOPIC, t.name()),
                                            t ->
                                                    List.of(
                                                            new AlterConfigOp(
                                                                    new ConfigEntry(
                                                                            TopicConfig
                                                                                    .RETENTION_MS_CONFIG,
                                                                            t.configs()
                                                                                    .get(
                                                                                            TopicConfig
                                                                                                    .RETENTION_MS_CONFIG)),
                                                                    AlterConfigOp.OpType.SET))));
            admin.incrementalAlterConfigs(retention)
                    .all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            awaitWritable(admin, topics.stream().map(NewTopic::name).toList());
        }
    }

    private static NewTopic topic(String name, int partitions, String retentionMs) {
        return new NewTopic(name, partitions, (short) 1)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, retentionMs));
    }

    /**
     * A created topic answers metadata before its leaders accept writes; wait until {@code
     * listOffsets} answers for every partition.
     */
    private static void awaitWritable(Admin admin, List<String> topics) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                Map<TopicPartition, OffsetSpec> latest =
                        admin.describeTopics(topics).allTopicNames().get().values().stream()
                                .flatMap(
                                        d ->
                                                d.partitions().stream()
                                                        .map(
                                                                p ->
                                                                        new TopicPartition(
                                                                                d.name(),
                                                                                p.partition())))
                                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
                admin.listOffsets(latest).all().get();
                return;
            } catch (ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "topics " + topics + " do not accept writes", e);
                }
                Thread.sleep(200);
            }
        }
    }
}
