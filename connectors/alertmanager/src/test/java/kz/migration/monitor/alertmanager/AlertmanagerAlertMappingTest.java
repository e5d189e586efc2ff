package kz.migration.monitor.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** {@link ContractAlertMapper}: contract alert JSON to Alertmanager labels and annotations. */
class AlertmanagerAlertMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private final ContractAlertMapper mapper =
            new ContractAlertMapper(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30));

    @Test
    void personAlertGetsSubjectLabelAndReadableText() throws Exception {
        AlertmanagerAlert a =
                mapper.map(
                        JSON.readTree(
                                """
                                {"alertId":"x1","type":"OVERSTAY","severity":"MAJOR","audience":"SECURITY",
                                 "raisedAt":"2026-05-20T00:00:00+05:00","subjectRef":"00ff","region":"KZ-75","city":"Almaty",
                                 "citizenship":"TJK","details":{"overstayDays":4},"personId":"N1234567"}\
                                """));
        assertThat(a.labels())
                .containsOnlyKeys(
                        "alertname", "severity", "audience", "region", "subject", "alert_id");
        assertThat(a.labels().values()).doesNotContain("N1234567");
        assertThat(a.annotations().get("summary"))
                .isEqualTo("Overstay of 4 unlawful day(s), person still present in KZ-75 (Almaty)");
        assertThat(a.annotations().get("description"))
                .contains("overstayDays=4", "citizenship TJK");
        assertThat(a.startsAt()).isEqualTo(Instant.parse("2026-05-19T19:00:00Z"));
        assertThat(a.endsAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
    }

    @Test
    void eventAlertInTheFutureStartsNowAndEndsByTimeout() throws Exception {
        AlertmanagerAlert a =
                mapper.map(
                        JSON.readTree(
                                """
                                {"alertId":"x2","type":"CONTRACT_BREACH","severity":"INFO","audience":"PLANNING",
                                 "raisedAt":"2027-01-01T00:00:00Z","subjectRef":"aa","region":"KZ-59",
                                 "details":{"program":"RESETTLEMENT","hostRegion":"KZ-59","newRegion":"KZ-61","months":14,"returned":true}}\
                                """));
        assertThat(a.startsAt()).isEqualTo(NOW);
        assertThat(a.endsAt()).isNull();
        assertThat(a.annotations()).containsEntry("raisedAt", "2027-01-01T00:00:00Z");
        assertThat(a.annotations().get("summary"))
                .isEqualTo(
                        "RESETTLEMENT relocation contract with KZ-59 breached after 14 month(s):"
                                + " moved to KZ-61, returned to the region of origin");
    }

    @Test
    void regionAlertHasNoSubject() throws Exception {
        AlertmanagerAlert a =
                mapper.map(
                        JSON.readTree(
                                """
                                {"alertId":"x3","type":"INFLOW_SURGE","severity":"WARNING","audience":"PLANNING",
                                 "raisedAt":"2026-05-31T19:00:00Z","region":"KZ-71","details":{"netInflow7d":2101,"threshold":2000}}\
                                """));
        assertThat(a.labels())
                .doesNotContainKey("subject")
                .containsEntry("alertname", "INFLOW_SURGE");
        assertThat(a.annotations().get("summary"))
                .isEqualTo("Net 7-day inflow to KZ-71 is 2101, above the threshold 2000");
    }

    @Test
    void bannedEntryNamesTheBanAndTheCheckpoint() throws Exception {
        AlertmanagerAlert a =
                mapper.map(
                        JSON.readTree(
                                """
                                {"alertId":"x4","type":"BANNED_ENTRY","severity":"CRITICAL","audience":"SECURITY",
                                 "raisedAt":"2026-05-31T05:00:00Z","subjectRef":"0a0b","region":"KZ-61","city":"Saryagash",
                                 "citizenship":"KAZ","details":{"banUntil":"2031-02-28"}}\
                                """));
        assertThat(a.labels())
                .containsEntry("alertname", "BANNED_ENTRY")
                .containsEntry("severity", "CRITICAL")
                .containsEntry("audience", "SECURITY")
                .containsEntry("subject", "0a0b")
                .containsEntry("region", "KZ-61");
        assertThat(a.annotations().get("summary"))
                .isEqualTo(
                        "Entry of a person banned until 2031-02-28 at a checkpoint in KZ-61"
                                + " (Saryagash)");
        assertThat(a.annotations().get("description")).contains("banUntil=2031-02-28");
        assertThat(a.endsAt()).isNull();
    }

    @Test
    void permitOutsideTheShortageListNamesPermitSectorAndYear() throws Exception {
        AlertmanagerAlert a =
                mapper.map(
                        JSON.readTree(
                                """
                                {"alertId":"x5","type":"PERMIT_OUTSIDE_SHORTAGE","severity":"WARNING",
                                 "audience":"DUTY_OFFICER","raisedAt":"2026-05-31T05:00:00Z","subjectRef":"0c0d",
                                 "region":"KZ-75","city":"Almaty","citizenship":"TJK",
                                 "details":{"year":2026,"sector":"OTHER","permitId":"WP-9"}}\
                                """));
        assertThat(a.labels())
                .containsEntry("alertname", "PERMIT_OUTSIDE_SHORTAGE")
                .containsEntry("audience", "DUTY_OFFICER")
                .containsEntry("subject", "0c0d");
        assertThat(a.annotations().get("summary"))
                .isEqualTo(
                        "Permit WP-9 in KZ-75 (Almaty) for OTHER, not on the 2026 labour shortage"
                                + " list");
        assertThat(a.annotations().get("description"))
                .contains("permitId=WP-9", "sector=OTHER", "year=2026", "citizenship TJK");
    }

    @Test
    void alertWithoutRequiredFieldsIsRefused() throws Exception {
        assertThatThrownBy(
                        () ->
                                mapper.map(
                                        JSON.readTree(
                                                "{\"type\":\"OVERSTAY\",\"severity\":\"MAJOR\",\"raisedAt\":\"2026-05-20T00:00:00Z\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("audience");
        assertThatThrownBy(
                        () ->
                                mapper.map(
                                        JSON.readTree(
                                                """
                                                {"type":"OVERSTAY","severity":"MAJOR","audience":"SECURITY","raisedAt":"2026-05-20T00:00:00"}\
                                                """)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("raisedAt");
        assertThatThrownBy(() -> mapper.map(JSON.readTree("[1]")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
