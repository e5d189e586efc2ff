package kz.migration.monitor.labour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kz.migration.monitor.event.PermitCategory;
import kz.migration.monitor.metrics.DomainGauges;
import kz.migration.monitor.metrics.GaugeChanges;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gauge changes a region's quota ledger sends to {@link DomainGauges}: active permits by
 * category, the limit in force and the utilisation of a limit.
 */
class QuotaLedgerGaugesTest {

    private final QuotaLedgerRun ledger = new QuotaLedgerRun();

    QuotaLedgerGaugesTest() throws Exception {}

    @AfterEach
    void close() throws Exception {
        ledger.close();
    }

    @Test
    void permitsLimitAndUtilisationOfTheRegion() throws Exception {
        ledger.limit("q1", PermitCategory.CAT1, 8);
        ledger.issue("W1", PermitCategory.CAT1);
        ledger.issue("W2", PermitCategory.CAT1);
        ledger.issue("W3", PermitCategory.CAT2);
        ledger.revoke("W1", PermitCategory.CAT1);

        assertThat(GaugeChanges.applied(ledger.harness))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "migration_permits_active{region=\"KZ-71\",category=\"CAT1\"}",
                                1.0,
                                "migration_permits_active{region=\"KZ-71\",category=\"CAT2\"}",
                                1.0,
                                "migration_quota_limit{region=\"KZ-71\",category=\"CAT1\"}",
                                8.0,
                                "migration_quota_utilisation_ratio{region=\"KZ-71\",category=\"CAT1\"}",
                                0.125));
    }
}
