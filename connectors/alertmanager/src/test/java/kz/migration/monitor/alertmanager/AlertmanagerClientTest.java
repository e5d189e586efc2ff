package kz.migration.monitor.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kz.migration.monitor.testsupport.AlertmanagerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link AlertmanagerClient} against a real Alertmanager process. */
class AlertmanagerClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static AlertmanagerProcess alertmanager;
    private static AlertmanagerClient client;

    @BeforeAll
    static void start() throws Exception {
        alertmanager = AlertmanagerProcess.start();
        client = new AlertmanagerClient(alertmanager.uri());
    }

    @AfterAll
    static void stop() throws Exception {
        if (alertmanager != null) {
            alertmanager.close();
        }
    }

    @Test
    void postedAlertsComeBackWithTheirLabels() throws Exception {
        AlertmanagerAlert quota =
                new ContractAlertMapper()
                        .map(
                                JSON.readTree(
                                        """
                                        {"alertId":"a-quota-1","type":"QUOTA_WARNING","severity":"WARNING","audience":"DUTY_OFFICER",
                                         "raisedAt":"2026-03-01T15:15:00+05:00","region":"KZ-23",
                                         "details":{"year":2026,"category":"CAT4","limit":100,"utilisation":90}}\
                                        """));
        AlertmanagerAlert breach =
                new ContractAlertMapper()
                        .map(
                                JSON.readTree(
                                        """
                                        {"alertId":"a-breach-1","type":"QUOTA_BREACH","severity":"MAJOR","audience":"SECURITY",
                                         "raisedAt":"2026-03-01T10:00:00Z","subjectRef":"9f2c1e","region":"KZ-23","citizenship":"CHN",
                                         "details":{"year":2026,"category":"CAT4","limit":100,"utilisation":101,"permitId":"P-7"}}\
                                        """));
        client.post(List.of(quota, breach));

        List<AlertmanagerAlert> back = client.activeAlerts(Map.of("alert_id", "a-breach-1"));
        assertThat(back).hasSize(1);
        assertThat(back.get(0).labels())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "alertname",
                                "QUOTA_BREACH",
                                "severity",
                                "MAJOR",
                                "audience",
                                "SECURITY",
                                "region",
                                "KZ-23",
                                "subject",
                                "9f2c1e",
                                "alert_id",
                                "a-breach-1"));
        assertThat(back.get(0).annotations().get("summary"))
                .isEqualTo("Permit P-7 exceeds labour quota CAT4 2026 in KZ-23: 101 of 100");
        assertThat(back.get(0).startsAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));

        List<AlertmanagerAlert> region = client.activeAlerts(Map.of("region", "KZ-23"));
        assertThat(region)
                .extracting(a -> a.label("alertname"))
                .containsExactlyInAnyOrder("QUOTA_WARNING", "QUOTA_BREACH");
        assertThat(client.activeAlerts(Map.of("region", "KZ-23", "audience", "DUTY_OFFICER")))
                .extracting(a -> a.label("alert_id"))
                .containsExactly("a-quota-1");
    }

    @Test
    void reposedAlertIsDeduplicated() throws Exception {
        AlertmanagerAlert alert =
                new AlertmanagerAlert(
                        Map.of(
                                "alertname",
                                "INFLOW_SURGE",
                                "severity",
                                "WARNING",
                                "audience",
                                "PLANNING",
                                "region",
                                "KZ-79",
                                "alert_id",
                                "dedup-1"),
                        Map.of("summary", "surge"),
                        Instant.now().minusSeconds(60),
                        null,
                        null);
        client.post(List.of(alert));
        client.post(List.of(alert)); // at-least-once delivery posts the same alert again
        assertThat(client.activeAlerts(Map.of("alert_id", "dedup-1"))).hasSize(1);
    }

    @Test
    void overstayIsResolvedByPostingItWithEndsAt() throws Exception {
        ContractAlertMapper mapper =
                new ContractAlertMapper(Clock.systemUTC(), Duration.ofDays(30));
        AlertmanagerAlert overstay =
                mapper.map(
                        JSON.readTree(
                                """
                                {"alertId":"ov-1","type":"OVERSTAY","severity":"WARNING","audience":"SECURITY",
                                 "raisedAt":"2026-01-10T19:00:00Z","subjectRef":"abc123","region":"KZ-75","city":"Almaty",
                                 "citizenship":"UZB","details":{"overstayDays":1}}\
                                """));
        client.post(List.of(overstay));
        Map<String, String> filter = Map.of("alertname", "OVERSTAY", "subject", "abc123");
        List<AlertmanagerAlert> open = client.activeAlerts(filter);
        assertThat(open).hasSize(1);
        assertThat(open.get(0).endsAt()).isAfter(Instant.now().plus(Duration.ofDays(29)));

        client.post(List.of(open.get(0).endingAt(Instant.now())));

        assertThat(client.activeAlerts(filter)).isEmpty();
    }

    @Test
    void invalidAlertIsRejectedForGood() {
        AlertmanagerAlert backwards =
                new AlertmanagerAlert(
                        Map.of("alertname", "X"),
                        Map.of(),
                        Instant.parse("2026-01-02T00:00:00Z"),
                        Instant.parse("2026-01-01T00:00:00Z"),
                        null);
        assertThatThrownBy(() -> client.post(List.of(backwards)))
                .isInstanceOfSatisfying(
                        AlertmanagerException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(400);
                            assertThat(e.retryable()).isFalse();
                        });
    }

    @Test
    void unreachableAlertmanagerIsRetryable() throws Exception {
        AlertmanagerClient nobody =
                new AlertmanagerClient(
                        URI.create("http://127.0.0.1:" + AlertmanagerProcess.freePort()));
        assertThat(nobody.ready()).isFalse();
        assertThatThrownBy(
                        () ->
                                nobody.post(
                                        List.of(
                                                new AlertmanagerAlert(
                                                        Map.of("alertname", "X"),
                                                        null,
                                                        null,
                                                        null,
                                                        null))))
                .isInstanceOfSatisfying(
                        AlertmanagerException.class, e -> assertThat(e.retryable()).isTrue());
    }
}
