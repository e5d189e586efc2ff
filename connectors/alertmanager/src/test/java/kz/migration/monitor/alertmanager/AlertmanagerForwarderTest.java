package kz.migration.monitor.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kz.migration.monitor.event.Topics;
import kz.migration.monitor.testsupport.AlertmanagerProcess;
import kz.migration.monitor.testsupport.KafkaBrokerExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link AlertForwarder}'s delivery loop with the alerts topic replaced by a {@link MockConsumer},
 * a real Alertmanager and, for the memory of ended overstays, a real broker. (The end-to-end tests,
 * with the forwarder killed and restarted as a process, live with the job.)
 */
class AlertmanagerForwarderTest {

    @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final TopicPartition TP = new TopicPartition(Topics.ALERTS, 0);
    private static final AlertForwarder.Backoff FAST =
            new AlertForwarder.Backoff(Duration.ofMillis(20), Duration.ofMillis(200));

    private final MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private long offset;

    @BeforeEach
    void assign() {
        consumer.assign(List.of(TP));
        consumer.updateBeginningOffsets(Map.of(TP, 0L));
    }

    @Test
    void deliversCommitsAndResolvesOverstays() throws Exception {
        try (AlertmanagerProcess am = AlertmanagerProcess.start()) {
            AlertmanagerClient client = new AlertmanagerClient(am.uri());
            AlertForwarder forwarder =
                    new AlertForwarder(consumer, client, new ContractAlertMapper(), FAST, registry);
            add(overstay("ov-a", "WARNING", 1));
            add(overstay("ov-b", "MAJOR", 4));
            add("not json at all");
            assertThat(forwarder.pollOnce(Duration.ofMillis(10))).isEqualTo(3);

            Map<String, String> subject = Map.of("alertname", "OVERSTAY", "subject", "5u8j");
            assertThat(client.activeAlerts(subject)).hasSize(2);
            assertThat(committed()).isEqualTo(3);
            assertThat(count("delivered")).isEqualTo(2);
            assertThat(count("failed")).isEqualTo(1);

            add(
                    """
                    {"alertId":"end-1","type":"OVERSTAY_ENDED","severity":"MAJOR","audience":"SECURITY",
                     "raisedAt":"2026-02-20T08:00:00Z","subjectRef":"5u8j","region":"KZ-75","details":{"overstayDays":6}}\
                    """);
            assertThat(forwarder.pollOnce(Duration.ofMillis(10))).isEqualTo(1);

            assertThat(client.activeAlerts(subject)).isEmpty();
            assertThat(
                            client.activeAlerts(
                                    Map.of("alertname", "OVERSTAY_ENDED", "subject", "5u8j")))
                    .singleElement()
                    .satisfies(a -> assertThat(a.label("alert_id")).isEqualTo("end-1"));
            assertThat(committed()).isEqualTo(4);
            assertThat(registry.get("migration.alertmanager.pending.alerts").gauge().value())
                    .isZero();
        }
    }

    @Test
    void anOverstayReadAfterItsEndIsDeliveredResolved() throws Exception {
        try (AlertmanagerProcess am = AlertmanagerProcess.start()) {
            AlertmanagerClient client = new AlertmanagerClient(am.uri());
            AlertForwarder forwarder =
                    new AlertForwarder(consumer, client, new ContractAlertMapper(), FAST, registry);
            // The alerts topic is keyed by alertId: from another partition, the end can come first.
            add(
                    """
                    {"alertId":"end-2","type":"OVERSTAY_ENDED","severity":"MAJOR","audience":"SECURITY",
                     "raisedAt":"2026-02-20T08:00:00Z","subjectRef":"5u8j","region":"KZ-75","details":{"overstayDays":6}}\
                    """);
            add(overstay("ov-late", "WARNING", 1));
            assertThat(forwarder.pollOnce(Duration.ofMillis(10))).isEqualTo(2);

            assertThat(client.activeAlerts(Map.of("alertname", "OVERSTAY", "subject", "5u8j")))
                    .isEmpty();
            assertThat(
                            client.activeAlerts(
                                    Map.of("alertname", "OVERSTAY_ENDED", "subject", "5u8j")))
                    .hasSize(1);
            assertThat(count("delivered")).isEqualTo(2);
        }
    }

    @Test
    void aRestartedForwarderStillPostsAnOverstayReadAfterItsEndResolved() throws Exception {
        String stateTopic = "restart-state";
        try (AlertmanagerProcess am = AlertmanagerProcess.start()) {
            AlertmanagerClient client = new AlertmanagerClient(am.uri());
            OverstayEndings before = OverstayEndings.inTopic(KAFKA.bootstrapServers(), stateTopic);
            before.restore();
            AlertForwarder first =
                    new AlertForwarder(
                            consumer, client, new ContractAlertMapper(), FAST, registry, before);
            add(ended("end-3", "2026-02-20T08:00:00Z"));
            assertThat(first.pollOnce(Duration.ofMillis(10))).isEqualTo(1);
            before.close(); // the process ends; only the state topic remains

            // The OVERSTAY's partition lagged: it is read only by the next forwarder.
            MockConsumer<String, String> next = new MockConsumer<>("earliest");
            next.assign(List.of(TP));
            next.updateBeginningOffsets(Map.of(TP, 0L));
            next.addRecord(
                    new ConsumerRecord<>(TP.topic(), 0, 0, "k", overstay("ov-lag", "WARNING", 1)));
            OverstayEndings after = OverstayEndings.inTopic(KAFKA.bootstrapServers(), stateTopic);
            assertThat(after.restore()).isEqualTo(1);
            AlertForwarder second =
                    new AlertForwarder(
                            next, client, new ContractAlertMapper(), FAST, registry, after);
            assertThat(second.pollOnce(Duration.ofMillis(10))).isEqualTo(1);
            after.close();

            assertThat(client.activeAlerts(Map.of("alert_id", "ov-lag")))
                    .as("an OVERSTAY raised before the end its forwarder restored")
                    .isEmpty();
            assertThat(count("delivered")).isEqualTo(2);
        }
    }

    @Test
    void aSecondForwarderOnTheSameStateTopicFencesTheFirst() throws Exception {
        URI nowhere = URI.create("http://127.0.0.1:" + AlertmanagerProcess.freePort());
        String group = "fenced-forwarder";
        AlertForwarder first =
                AlertForwarder.forBroker(
                        KAFKA.bootstrapServers(), "fenced", group, nowhere, registry);
        CompletableFuture<Void> firstRun = CompletableFuture.runAsync(first);
        KAFKA.createTopics(1, "fenced");
        awaitMembers(group, 1);

        AlertForwarder second =
                AlertForwarder.forBroker(
                        KAFKA.bootstrapServers(), "fenced", group, nowhere, registry);
        CompletableFuture<Void> secondRun = CompletableFuture.runAsync(second);
        try {
            assertThat(firstRun)
                    .failsWithin(Duration.ofMinutes(1))
                    .withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(FencedInstanceIdException.class);
            assertThat(secondRun).isNotDone();
        } finally {
            second.close();
            first.close();
        }
    }

    private static void awaitMembers(String group, int count) throws Exception {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                KAFKA.bootstrapServers()))) {
            Instant deadline = Instant.now().plusSeconds(60);
            while (admin.describeConsumerGroups(List.of(group))
                            .all()
                            .get()
                            .get(group)
                            .members()
                            .size()
                    < count) {
                assertThat(Instant.now()).as("%s members of %s", count, group).isBefore(deadline);
                Thread.sleep(100);
            }
        }
    }

    @Test
    void theLateEndOfAnEarlierStayLeavesALaterStaysOverstayOpen() throws Exception {
        try (AlertmanagerProcess am = AlertmanagerProcess.start()) {
            AlertmanagerClient client = new AlertmanagerClient(am.uri());
            AlertForwarder forwarder =
                    new AlertForwarder(consumer, client, new ContractAlertMapper(), FAST, registry);
            add(overstay("ov-first-stay", "WARNING", 1)); // raised 2026-02-10
            add(
                    overstay("ov-second-stay", "WARNING", 1)
                            .replace("2026-02-10T19:00:00Z", "2026-03-15T19:00:00Z"));
            add(ended("end-first-stay", "2026-02-20T08:00:00Z"));
            assertThat(forwarder.pollOnce(Duration.ofMillis(10))).isEqualTo(3);

            assertThat(client.activeAlerts(Map.of("alertname", "OVERSTAY", "subject", "5u8j")))
                    .singleElement()
                    .satisfies(a -> assertThat(a.label("alert_id")).isEqualTo("ov-second-stay"));
        }
    }

    @Test
    void keepsRetryingWhileAlertmanagerIsDownAndCommitsOnlyAfterDelivery() throws Exception {
        int port = AlertmanagerProcess.freePort();
        AlertmanagerClient client =
                new AlertmanagerClient(java.net.URI.create("http://127.0.0.1:" + port));
        AlertForwarder forwarder =
                new AlertForwarder(consumer, client, new ContractAlertMapper(), FAST, registry);
        add(overstay("late-1", "CRITICAL", 11));

        CompletableFuture<Integer> poll =
                CompletableFuture.supplyAsync(() -> forwarder.pollOnce(Duration.ofMillis(10)));
        Instant deadline = Instant.now().plusSeconds(10);
        while (count("retried") < 3 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(count("retried"))
                .as("retries while Alertmanager is down")
                .isGreaterThanOrEqualTo(3);
        assertThat(poll).isNotDone();
        assertThat(committed()).isZero();
        assertThat(registry.get("migration.alertmanager.pending.alerts").gauge().value())
                .isEqualTo(1.0);

        try (AlertmanagerProcess am = AlertmanagerProcess.start(port)) {
            assertThat(poll.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(committed()).isEqualTo(1);
            assertThat(count("delivered")).isEqualTo(1);
            assertThat(client.activeAlerts(Map.of("alert_id", "late-1"))).hasSize(1);
        }
    }

    @Test
    void closingDuringAnOutageCommitsNothing() throws Exception {
        AlertmanagerClient client =
                new AlertmanagerClient(
                        java.net.URI.create("http://127.0.0.1:" + AlertmanagerProcess.freePort()));
        AlertForwarder forwarder =
                new AlertForwarder(consumer, client, new ContractAlertMapper(), FAST, registry);
        add(overstay("kept-1", "WARNING", 1));
        Thread runner = new Thread(forwarder);
        runner.start();
        Instant deadline = Instant.now().plusSeconds(10);
        while (count("retried") < 1 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        forwarder.close();
        runner.join(10_000);
        assertThat(runner.isAlive()).isFalse();
        assertThat(consumer.closed()).isTrue();
        assertThat(count("delivered")).isZero();
        assertThat(count("retried")).isPositive();
    }

    private void add(String value) {
        consumer.addRecord(
                new ConsumerRecord<>(TP.topic(), TP.partition(), offset++, "key", value));
    }

    private long committed() {
        OffsetAndMetadata c = consumer.committed(Set.of(TP)).get(TP);
        return c == null ? 0 : c.offset();
    }

    private double count(String outcome) {
        return registry.get("migration.alertmanager.deliveries")
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    private static String ended(String id, String raisedAt) {
        return """
        {"alertId":"%s","type":"OVERSTAY_ENDED","severity":"MAJOR","audience":"SECURITY",
         "raisedAt":"%s","subjectRef":"5u8j","region":"KZ-75","details":{"overstayDays":6}}\
        """
                .formatted(id, raisedAt);
    }

    private static String overstay(String id, String severity, int days) {
        return """
        {"alertId":"%s","type":"OVERSTAY","severity":"%s","audience":"SECURITY",
         "raisedAt":"2026-02-10T19:00:00Z","subjectRef":"5u8j","region":"KZ-75","city":"Almaty",
         "citizenship":"UZB","details":{"overstayDays":%d}}\
        """
                .formatted(id, severity, days);
    }
}
