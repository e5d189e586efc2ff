package kz.migration.monitor.labour;

import static kz.migration.monitor.SampleEvents.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.PermitCategory;
import kz.migration.monitor.event.QuotaLimit;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.metrics.DomainGauges;
import kz.migration.monitor.metrics.GaugeChange;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gauge changes a region's quota ledger sends to {@link DomainGauges}: active permits by
 * category, the limit in force and the utilisation of a limit.
 */
class QuotaLedgerGaugesTest {

    private final KeyedOneInputStreamOperatorTestHarness<String, QuotaInput, Alert> harness =
            ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                    new QuotaLedger(Long.MAX_VALUE),
                    q -> (q.change() != null ? q.change().region() : q.limit().region()).code(),
                    Types.STRING);

    private int minute;

    QuotaLedgerGaugesTest() throws Exception {}

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private Instant next() {
        minute++;
        return at("2026-03-01T00:00").plusSeconds(60L * minute);
    }

    private void send(QuotaInput in) throws Exception {
        Instant t = in.change() != null ? in.change().at() : in.limit().occurredAt();
        harness.processElement(in, t.toEpochMilli());
        harness.processWatermark(t.toEpochMilli());
    }

    private void change(boolean added, String permitId, PermitCategory category) throws Exception {
        Instant at = next();
        send(
                QuotaInput.of(
                        new PermitChange(
                                added,
                                permitId,
                                Region.KZ_71,
                                category,
                                2026,
                                "ref-" + permitId,
                                "UZB",
                                (added ? "i-" : "r-") + permitId,
                                at,
                                1,
                                null)));
    }

    private Map<String, Double> gauges() {
        Map<String, Double> values = new TreeMap<>();
        for (StreamRecord<GaugeChange> r : harness.getSideOutput(DomainGauges.CHANGES)) {
            GaugeChange c = r.getValue();
            String series = c.series().toString();
            values.put(series, c.applyTo(values.getOrDefault(series, 0.0)));
        }
        return values;
    }

    @Test
    void permitsLimitAndUtilisationOfTheRegion() throws Exception {
        send(
                QuotaInput.of(
                        new QuotaLimit("q1", next(), 2026, Region.KZ_71, PermitCategory.CAT1, 8)));
        change(true, "W1", PermitCategory.CAT1);
        change(true, "W2", PermitCategory.CAT1);
        change(true, "W3", PermitCategory.CAT2);
        change(false, "W1", PermitCategory.CAT1);

        assertThat(gauges())
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
