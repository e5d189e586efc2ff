package kz.migration.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import kz.migration.monitor.alertmanager.AlertmanagerAlert;
import kz.migration.monitor.alertmanager.AlertmanagerClient;
import kz.migration.monitor.event.Topics;
import kz.migration.monitor.testsupport.AlertmanagerProcess;
import kz.migration.monitor.testsupport.ExternalTools;
import kz.migration.monitor.testsupport.KafkaBrokerExtension;
import kz.migration.monitor.testsupport.KafkaClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code forward-alerts} run as its own process against a real broker and a real Alertmanager,
 * killed with SIGKILL twice in the middle of a batch (some alerts delivered, their offsets not yet
 * committed) and restarted: every alert reaches Alertmanager, no resolved overstay is ever posted
 * firing again, and an OVERSTAY read only after a restart, its OVERSTAY_ENDED committed before it,
 * arrives resolved.
 *
 * <p>Subjects: {@code late} ones have their OVERSTAY_ENDED written before their OVERSTAYs (the
 * OVERSTAYs' partitions lag, and they are first read by a restarted forwarder); {@code ended} ones
 * have all three alerts in the first batch, across partitions in any order; {@code present} ones
 * only have OVERSTAYs (still in the country); plus alerts of other types.
 */
class ForwardAlertsKillTest {

    @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GROUP = "kill-test-forwarder";
    private static final int SUBJECTS = 10;

    /** One-off alerts (no endsAt) must outlive the test, whatever the machine's speed. */
    private static final String ALERTMANAGER_CONFIG =
            AlertmanagerProcess.BLACKHOLE_CONFIG + "global:\n  resolve_timeout: 6h\n";

    @TempDir Path dir;

    private final List<Process> forwarders = new ArrayList<>();

    @AfterEach
    void killForwarders() throws InterruptedException {
        for (Process p : forwarders) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void killedMidBatchAndRestartedNothingIsLostAndNothingResolvedReopens() throws Exception {
        ExternalTools.require("prometheus-alertmanager");
        KAFKA.createTopics(3, Topics.ALERTS);

        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        Set<String> endedOverstays = new HashSet<>();
        Set<String> lateOverstays = new HashSet<>();
        Set<String> expectedActive = new HashSet<>();
        Set<String> all = new HashSet<>();
        for (int i = 0; i < SUBJECTS; i++) {
            String late = "1a7e%04x".formatted(i);
            first.add(ended("end-late-" + i, late, i));
            second.add(overstay("ov1-late-" + i, late, 1, i));
            second.add(overstay("ov4-late-" + i, late, 4, i));
            lateOverstays.addAll(List.of("ov1-late-" + i, "ov4-late-" + i));
            expectedActive.add("end-late-" + i);

            String ended = "e4de%04x".formatted(i);
            first.add(overstay("ov1-ended-" + i, ended, 1, i));
            first.add(overstay("ov4-ended-" + i, ended, 4, i));
            first.add(ended("end-ended-" + i, ended, i));
            endedOverstays.addAll(List.of("ov1-ended-" + i, "ov4-ended-" + i));
            expectedActive.add("end-ended-" + i);

            String present = "9e5e%04x".formatted(i);
            first.add(overstay("ov1-present-" + i, present, 1, i));
            second.add(overstay("ov4-present-" + i, present, 4, i));
            expectedActive.addAll(List.of("ov1-present-" + i, "ov4-present-" + i));

            (i % 2 == 0 ? first : second).add(quotaWarning("quota-" + i, i));
            expectedActive.add("quota-" + i);
        }
        endedOverstays.addAll(lateOverstays);
        for (List<String> batch : List.of(first, second)) {
            for (String alert : batch) {
                all.add(JSON.readTree(alert).get("alertId").asText());
            }
        }

        try (AlertmanagerProcess alertmanager =
                        AlertmanagerProcess.start(ALERTMANAGER_CONFIG, ExternalTools.freePort());
                RecordingAlertmanagerProxy proxy =
                        new RecordingAlertmanagerProxy(alertmanager.uri())) {
            KafkaClients.writeInTransaction(KAFKA.bootstrapServers(), Topics.ALERTS, first, true);

            // Killed in its first batch, after 15 posts: nothing of that batch is committed.
            proxy.stallAfterMorePosts(15);
            Process one = startForwarder(proxy, "one");
            awaitStall(proxy, one);
            kill(one);

            proxy.resume();
            Process two = startForwarder(proxy, "two");
            await(() -> allCommitted(), two, "the first batch committed");

            // The lagging OVERSTAYs arrive; killed after 5 more posts, so nearly all of them are
            // read again by the next forwarder, their ends committed long before.
            proxy.stallAfterMorePosts(5);
            KafkaClients.writeInTransaction(KAFKA.bootstrapServers(), Topics.ALERTS, second, true);
            awaitStall(proxy, two);
            kill(two);

            proxy.resume();
            int restartedAt = proxy.posts().size();
            Process three = startForwarder(proxy, "three");
            await(() -> allCommitted(), three, "everything committed");
            kill(three);

            Map<String, List<Boolean>> firing = firingByAlert(proxy.posts());
            assertThat(firing.keySet()).as("alerts posted at least once").containsAll(all);
            for (String id : endedOverstays) {
                List<Boolean> states = firing.get(id);
                int resolved = states.indexOf(false);
                assertThat(resolved).as("%s posted resolved", id).isNotNegative();
                assertThat(states.subList(resolved, states.size()))
                        .as("%s posted firing after its resolution: %s", id, states)
                        .doesNotContain(true);
            }
            for (String id : lateOverstays) {
                assertThat(firing.get(id)).as("%s, read after its end", id).doesNotContain(true);
            }
            Set<String> readAfterRestart = new HashSet<>();
            firingByAlert(proxy.posts().subList(restartedAt, proxy.posts().size()))
                    .forEach((id, states) -> readAfterRestart.add(id));
            assertThat(readAfterRestart)
                    .as("late OVERSTAYs first delivered by a restarted forwarder")
                    .containsAnyElementsOf(lateOverstays);

            List<String> active = new ArrayList<>();
            for (AlertmanagerAlert a :
                    new AlertmanagerClient(alertmanager.uri()).activeAlerts(Map.of())) {
                active.add(a.label("alert_id"));
            }
            assertThat(active)
                    .as("Alertmanager's active alerts: none missing, no ended overstay re-opened")
                    .containsExactlyInAnyOrderElementsOf(expectedActive);
        }
    }

    /** Per alert, in post order, whether each post was firing (else resolved). */
    private static Map<String, List<Boolean>> firingByAlert(
            List<RecordingAlertmanagerProxy.Post> posts) throws IOException {
        Map<String, List<Boolean>> out = new LinkedHashMap<>();
        for (RecordingAlertmanagerProxy.Post post : posts) {
            for (JsonNode alert : JSON.readTree(post.body())) {
                String id = alert.path("labels").path("alert_id").asText();
                JsonNode endsAt = alert.get("endsAt");
                boolean isFiring =
                        endsAt == null || Instant.parse(endsAt.asText()).isAfter(post.at());
                out.computeIfAbsent(id, k -> new ArrayList<>()).add(isFiring);
            }
        }
        return out;
    }

    private Process startForwarder(RecordingAlertmanagerProxy proxy, String name)
            throws IOException {
        Path log = dir.resolve("forwarder-" + name + ".log");
        Process p =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx256m",
                                "-cp",
                                System.getProperty("java.class.path"),
                                MonitorCli.class.getName(),
                                "forward-alerts",
                                "--bootstrap",
                                KAFKA.bootstrapServers(),
                                "--alertmanager",
                                proxy.uri().toString(),
                                "--group-id",
                                GROUP,
                                "--metrics-port",
                                "0")
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        forwarders.add(p);
        return p;
    }

    /** SIGKILL: no shutdown hook, no last commit. */
    private static void kill(Process p) throws InterruptedException {
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("forwarder %d killed", p.pid()).isTrue();
    }

    private void awaitStall(RecordingAlertmanagerProxy proxy, Process forwarder) throws Exception {
        await(() -> proxy.stalled() > 0, forwarder, "a delivery held mid-batch");
    }

    /** Waits up to 3 minutes for {@code done}, failing at once, with its log, if it died. */
    private void await(BooleanSupplier done, Process forwarder, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!done.getAsBoolean()) {
            if (!forwarder.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError(
                        "forwarder "
                                + forwarder.pid()
                                + (forwarder.isAlive() ? " alive" : " dead")
                                + " before "
                                + what
                                + "; its log:\n"
                                + logs());
            }
            Thread.sleep(200);
        }
    }

    private String logs() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                sb.append("== ").append(f.getFileName()).append('\n');
                sb.append(Files.readString(f));
            }
        }
        return sb.toString();
    }

    /** Whether the group's committed offsets are past the last record of every partition. */
    private static boolean allCommitted() {
        Map<TopicPartition, Long> last = lastRecordOffsets();
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                KAFKA.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(GROUP)
                            .partitionsToOffsetAndMetadata()
                            .get(30, TimeUnit.SECONDS);
            return last.entrySet().stream()
                    .allMatch(
                            e -> {
                                OffsetAndMetadata c = committed.get(e.getKey());
                                return c != null && c.offset() > e.getValue();
                            });
        } catch (Exception e) {
            return false;
        }
    }

    /** The offset of the last committed record of each non-empty partition of the alerts topic. */
    private static Map<TopicPartition, Long> lastRecordOffsets() {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                                StringDeserializer.class.getName(),
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                                StringDeserializer.class.getName());
        Map<TopicPartition, Long> last = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(Topics.ALERTS).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (!partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    last.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::max);
                }
            }
        }
        return last;
    }

    private static String overstay(String id, String subject, int days, int i) {
        return """
        {"alertId":"%s","type":"OVERSTAY","severity":"%s","audience":"SECURITY",\
        "raisedAt":"2026-02-%02dT18:59:59.999Z","subjectRef":"%s","region":"KZ-75",\
        "city":"Almaty","citizenship":"UZB","details":{"overstayDays":%d}}\
        """
                .formatted(id, days == 1 ? "WARNING" : "MAJOR", 9 + days + i, subject, days);
    }

    private static String ended(String id, String subject, int i) {
        return """
        {"alertId":"%s","type":"OVERSTAY_ENDED","severity":"MAJOR","audience":"SECURITY",\
        "raisedAt":"2026-03-%02dT08:00:00Z","subjectRef":"%s","region":"KZ-75",\
        "city":"Almaty","citizenship":"UZB","details":{"overstayDays":6}}\
        """
                .formatted(id, 1 + i, subject);
    }

    private static String quotaWarning(String id, int i) {
        return """
        {"alertId":"%s","type":"QUOTA_WARNING","severity":"WARNING","audience":"DUTY_OFFICER",\
        "raisedAt":"2026-02-%02dT05:00:00Z","region":"KZ-23","city":"Atyrau",\
        "details":{"year":2026,"category":"CAT%d","limit":100,"utilisation":90}}\
        """
                .formatted(id, 1 + i, i);
    }
}
