package kz.migration.monitor.labour;

import static kz.migration.monitor.SampleEvents.at;

import java.time.Instant;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.PermitCategory;
import kz.migration.monitor.event.QuotaLimit;
import kz.migration.monitor.event.Region;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;

/**
 * The quota ledger of region KZ-71 for 2026 in a harness, fed limits and permit changes one minute
 * apart from 1 March 00:00, the watermark following each.
 */
final class QuotaLedgerRun implements AutoCloseable {

    final KeyedOneInputStreamOperatorTestHarness<String, QuotaInput, Alert> harness =
            ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                    new QuotaLedger(Long.MAX_VALUE), QuotaInput::regionCode, Types.STRING);

    /** Minutes since 1 March 00:00, so every change gets its own instant in order. */
    private int minute;

    QuotaLedgerRun() throws Exception {}

    @Override
    public void close() throws Exception {
        harness.close();
    }

    Instant next() {
        minute++;
        return at("2026-03-01T00:00").plusSeconds(60L * minute);
    }

    void send(QuotaInput in) throws Exception {
        Instant t = in.change() != null ? in.change().at() : in.limit().occurredAt();
        harness.processElement(in, t.toEpochMilli());
        harness.processWatermark(t.toEpochMilli());
    }

    void limit(String eventId, PermitCategory category, long limit) throws Exception {
        send(QuotaInput.of(new QuotaLimit(eventId, next(), 2026, Region.KZ_71, category, limit)));
    }

    void issue(String permitId, PermitCategory category) throws Exception {
        send(QuotaInput.of(change(true, permitId, category, next())));
    }

    void revoke(String permitId, PermitCategory category) throws Exception {
        send(QuotaInput.of(change(false, permitId, category, next())));
    }

    static PermitChange change(
            boolean added, String permitId, PermitCategory category, Instant at) {
        return new PermitChange(
                added,
                permitId,
                Region.KZ_71,
                category,
                2026,
                "ref-" + permitId,
                "UZB",
                (added ? "i-" : "r-") + permitId + "-" + at.toEpochMilli(),
                at,
                1,
                null);
    }
}
