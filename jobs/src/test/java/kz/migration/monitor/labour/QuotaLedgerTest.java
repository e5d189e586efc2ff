package kz.migration.monitor.labour;

import static kz.migration.monitor.SampleEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.AlertDetails;
import kz.migration.monitor.event.AlertType;
import kz.migration.monitor.event.Audience;
import kz.migration.monitor.event.PermitCategory;
import kz.migration.monitor.event.QuotaLimit;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.Severity;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A region's quota alerts through the harness: warning, breach, and re-arming. */
class QuotaLedgerTest {

    private final QuotaLedgerRun ledger = new QuotaLedgerRun();
    private final KeyedOneInputStreamOperatorTestHarness<String, QuotaInput, Alert> harness =
            ledger.harness;

    QuotaLedgerTest() throws Exception {}

    @AfterEach
    void close() throws Exception {
        ledger.close();
    }

    private List<String> alerts() {
        return harness.extractOutputValues().stream()
                .map(
                        a ->
                                a.type()
                                        + " "
                                        + a.details(AlertDetails.Quota.class).category()
                                        + " "
                                        + a.details(AlertDetails.Quota.class).utilisation()
                                        + "/"
                                        + a.details(AlertDetails.Quota.class).limit()
                                        + " "
                                        + a.details(AlertDetails.Quota.class).permitId())
                .toList();
    }

    private void issueMany(int from, int to, PermitCategory category) throws Exception {
        for (int i = from; i <= to; i++) {
            ledger.issue("W" + i, category);
        }
    }

    @Test
    void aWarningAt90PercentAndABreachForEveryIssueAboveTheLimit() throws Exception {
        ledger.limit("q1", PermitCategory.CAT1, 10);
        issueMany(1, 8, PermitCategory.CAT1);
        assertThat(harness.extractOutputValues()).isEmpty();

        issueMany(9, 12, PermitCategory.CAT1);

        assertThat(alerts())
                .containsExactly(
                        "QUOTA_WARNING CAT1 9/10 W9",
                        "QUOTA_BREACH CAT1 11/10 W11",
                        "QUOTA_BREACH CAT1 12/10 W12");
        Alert warning = harness.extractOutputValues().get(0);
        assertThat(warning.severity()).isEqualTo(Severity.WARNING);
        assertThat(warning.audience()).isEqualTo(Audience.DUTY_OFFICER);
        assertThat(warning.subjectRef()).isNull();
        assertThat(warning.region()).isEqualTo(Region.KZ_71);
        assertThat(warning.details(AlertDetails.Quota.class).year()).isEqualTo(2026);
        Alert breach = harness.extractOutputValues().get(1);
        assertThat(breach.severity()).isEqualTo(Severity.MAJOR);
        assertThat(breach.audience()).isEqualTo(Audience.SECURITY);
        assertThat(breach.subjectRef()).isEqualTo("ref-W11");
        assertThat(breach.citizenship()).isEqualTo("UZB");
        // Nothing waits once the watermark has passed.
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void theWarningReArmsOnlyAfterUtilisationFellBelow90Percent() throws Exception {
        ledger.limit("q1", PermitCategory.CAT1, 10);
        issueMany(1, 10, PermitCategory.CAT1);
        ledger.revoke("W10", PermitCategory.CAT1);
        // 9 of 10: still at 90%, so no new warning.
        ledger.issue("W11", PermitCategory.CAT1);
        assertThat(alerts()).containsExactly("QUOTA_WARNING CAT1 9/10 W9");

        ledger.revoke("W11", PermitCategory.CAT1);
        ledger.revoke("W9", PermitCategory.CAT1);
        ledger.issue("W12", PermitCategory.CAT1);

        assertThat(alerts())
                .containsExactly("QUOTA_WARNING CAT1 9/10 W9", "QUOTA_WARNING CAT1 9/10 W12");
    }

    @Test
    void aQuotaRecordWarnsWhenItsLimitIsAlreadyNearlyUsedButLoweringItRaisesNoBreach()
            throws Exception {
        issueMany(1, 9, PermitCategory.CAT1);
        assertThat(harness.extractOutputValues()).isEmpty();

        ledger.limit("q1", PermitCategory.CAT1, 10);
        ledger.limit("q2", PermitCategory.CAT1, 5);
        assertThat(alerts()).containsExactly("QUOTA_WARNING CAT1 9/10 null");
        assertThat(harness.extractOutputValues().get(0).raisedAt())
                .isEqualTo(at("2026-03-01T00:10"));

        // A raised limit re-arms the warning; lowering it again warns at the record.
        ledger.limit("q3", PermitCategory.CAT1, 100);
        ledger.limit("q4", PermitCategory.CAT1, 9);
        assertThat(alerts())
                .containsExactly("QUOTA_WARNING CAT1 9/10 null", "QUOTA_WARNING CAT1 9/9 null");
    }

    @Test
    void alertIdsNameTheRegionTheQuotaAndTheCause() throws Exception {
        ledger.limit("q1", PermitCategory.CAT1, 1);
        ledger.issue("W1", PermitCategory.CAT1);
        ledger.issue("W2", PermitCategory.CAT1);

        List<Alert> alerts = harness.extractOutputValues();
        PermitChange w1 =
                QuotaLedgerRun.change(true, "W1", PermitCategory.CAT1, at("2026-03-01T00:02"));
        PermitChange w2 =
                QuotaLedgerRun.change(true, "W2", PermitCategory.CAT1, at("2026-03-01T00:03"));
        // Ids must not change between versions: replays and restarts compare them.
        assertThat(alerts.get(0).alertId())
                .isEqualTo(
                        idOf(
                                AlertType.QUOTA_WARNING,
                                "KZ-71|2026|CAT1|" + w1.at() + "|" + w1.eventId()));
        assertThat(alerts.get(1).alertId())
                .isEqualTo(idOf(AlertType.QUOTA_BREACH, "KZ-71|2026|CAT1|W2|" + w2.eventId()));
    }

    /** The contract's stable id, computed independently: SHA-256 of type and identity, 16 bytes. */
    private static String idOf(AlertType type, String identity) throws Exception {
        byte[] digest =
                java.security.MessageDigest.getInstance("SHA-256")
                        .digest(
                                (type.name() + "|" + identity)
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest, 0, 16);
    }

    @Test
    void aRevokedPermitLeavesOnlyTheLimitBehind() throws Exception {
        ledger.limit("q1", PermitCategory.CAT1, 10);
        ledger.issue("W1", PermitCategory.CAT1);
        ledger.revoke("W1", PermitCategory.CAT1);

        // The limit and when it was set; no count, no warning, nothing waiting.
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void theAllQuotaCountsEveryCategory() throws Exception {
        ledger.limit("q1", null, 2);
        ledger.issue("W1", PermitCategory.CAT1);
        ledger.issue("W2", PermitCategory.SEASONAL);
        ledger.issue("W3", PermitCategory.CAT3);

        assertThat(alerts()).containsExactly("QUOTA_WARNING ALL 2/2 W2", "QUOTA_BREACH ALL 3/2 W3");
    }

    @Test
    void ofTwoRecordsOfTheSameInstantTheLowerLimitStands() throws Exception {
        Instant t = ledger.next();
        // Arriving in either order, processed by event id: the higher second must not win.
        harness.processElement(
                QuotaInput.of(
                        new QuotaLimit("q2", t, 2026, Region.KZ_71, PermitCategory.CAT1, 100)),
                t.toEpochMilli());
        harness.processElement(
                QuotaInput.of(new QuotaLimit("q1", t, 2026, Region.KZ_71, PermitCategory.CAT1, 1)),
                t.toEpochMilli());
        harness.processWatermark(t.toEpochMilli());

        ledger.issue("W1", PermitCategory.CAT1);
        ledger.issue("W2", PermitCategory.CAT1);

        assertThat(alerts())
                .containsExactly("QUOTA_WARNING CAT1 1/1 W1", "QUOTA_BREACH CAT1 2/1 W2");
    }
}
