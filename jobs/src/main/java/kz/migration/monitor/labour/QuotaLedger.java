package kz.migration.monitor.labour;

import java.time.Instant;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.AlertDetails;
import kz.migration.monitor.event.AlertType;
import kz.migration.monitor.event.QuotaLimit;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.metrics.AlertCounter;
import kz.migration.monitor.metrics.DomainGauges;
import kz.migration.monitor.metrics.GaugeChange;
import kz.migration.monitor.metrics.GaugeSeries;
import kz.migration.monitor.pipeline.EventTimeOrderedFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

/**
 * A region's labour quotas (keyed by region code): active permits by issue year and category, the
 * limits in force, and the alerts they raise. {@code QUOTA_WARNING} when utilisation reaches 90% of
 * a limit above 0 (at an issue or at the quota record), again only after it fell below; {@code
 * QUOTA_BREACH} for every issue that leaves utilisation above a limit.
 */
public final class QuotaLedger extends EventTimeOrderedFunction<String, QuotaInput, Alert> {

    private static final long serialVersionUID = 1L;

    /**
     * Quota keys are {@code year|CATEGORY}, the category being {@code ALL} for the region's total.
     */
    private transient MapState<String, Long> active;

    private transient MapState<String, Long> limits;
    private transient MapState<String, Long> limitSetAt;
    private transient MapState<String, Boolean> warned;
    private transient AlertCounter alerts;

    public QuotaLedger(long horizon) {
        super(TypeInformation.of(QuotaInput.class), horizon);
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        super.open(openContext);
        active =
                getRuntimeContext()
                        .getMapState(new MapStateDescriptor<>("active", Types.STRING, Types.LONG));
        limits =
                getRuntimeContext()
                        .getMapState(new MapStateDescriptor<>("limits", Types.STRING, Types.LONG));
        limitSetAt =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>("limit-set-at", Types.STRING, Types.LONG));
        warned =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>("warned", Types.STRING, Types.BOOLEAN));
        alerts = new AlertCounter(getRuntimeContext().getMetricGroup());
    }

    @Override
    protected java.util.Comparator<QuotaInput> order() {
        return QuotaInput.ORDER;
    }

    @Override
    protected void onEvent(QuotaInput in, long timestamp, Context ctx, Collector<Alert> out)
            throws Exception {
        Region region = Region.ofCode(ctx.getCurrentKey());
        if (in.limit() != null) {
            onLimit(region, in.limit(), ctx, out);
            return;
        }
        PermitChange c = in.change();
        int delta = c.added() ? 1 : -1;
        String[] quotas = {c.year() + "|" + c.category().name(), c.year() + "|ALL"};
        for (String q : quotas) {
            Long n = active.get(q);
            long now = (n == null ? 0 : n) + delta;
            if (now == 0) {
                active.remove(q);
            } else {
                active.put(q, now);
            }
        }
        ctx.output(
                DomainGauges.CHANGES,
                GaugeChange.add(
                        GaugeSeries.of(
                                "migration_permits_active",
                                "region",
                                region.code(),
                                "category",
                                c.category().name()),
                        delta));
        for (String q : quotas) {
            if (!c.added() && replacementRecounts(region, q, c.replacedBy())) {
                // The replacing issue comes next at this instant and evaluates q with the count
                // restored; evaluating the dip would re-arm a warning that never stopped holding.
                continue;
            }
            evaluate(region, q, c.at(), c.added() ? c : null, c.added(), ctx, out);
        }
    }

    /**
     * Whether the permit replacing a removed one counts towards quota {@code q} of this region too.
     */
    private static boolean replacementRecounts(Region region, String q, ActivePermit replacement) {
        return replacement != null
                && replacement.region() == region
                && (q.equals(replacement.year() + "|" + replacement.category().name())
                        || q.equals(replacement.year() + "|ALL"));
    }

    private void onLimit(Region region, QuotaLimit record, Context ctx, Collector<Alert> out)
            throws Exception {
        String q = record.year() + "|" + record.categoryName();
        long at = record.occurredAt().toEpochMilli();
        Long previousAt = limitSetAt.get(q);
        long limit = record.limit();
        if (previousAt != null && previousAt == at) {
            limit = Math.min(limit, limits.get(q));
        }
        limits.put(q, limit);
        limitSetAt.put(q, at);
        ctx.output(
                DomainGauges.CHANGES,
                GaugeChange.set(
                        GaugeSeries.of(
                                "migration_quota_limit",
                                "region",
                                region.code(),
                                "category",
                                record.categoryName()),
                        limit));
        evaluate(region, q, record.occurredAt(), null, true, ctx, out);
    }

    /**
     * Checks quota {@code q} after a change at {@code at}; {@code issue} is the permit issue that
     * caused it, the only change that can breach; only issues and quota records {@code mayWarn}.
     */
    private void evaluate(
            Region region,
            String q,
            Instant at,
            PermitChange issue,
            boolean mayWarn,
            Context ctx,
            Collector<Alert> out)
            throws Exception {
        Long limit = limits.get(q);
        if (limit == null) {
            return;
        }
        Long n = active.get(q);
        long utilisation = n == null ? 0 : n;
        int year = Integer.parseInt(q.substring(0, q.indexOf('|')));
        String category = q.substring(q.indexOf('|') + 1);
        if (limit > 0) {
            ctx.output(
                    DomainGauges.CHANGES,
                    GaugeChange.set(
                            GaugeSeries.of(
                                    "migration_quota_utilisation_ratio",
                                    "region",
                                    region.code(),
                                    "category",
                                    category),
                            (double) utilisation / limit));
        }
        boolean nearFull = limit > 0 && utilisation * 10 >= limit * 9;
        if (!nearFull) {
            warned.remove(q);
        } else if (mayWarn && warned.get(q) == null) {
            warned.put(q, true);
            String permitId = issue == null ? null : issue.permitId();
            emit(
                    out,
                    Alert.of(
                            AlertType.QUOTA_WARNING,
                            null,
                            at,
                            null,
                            region,
                            null,
                            null,
                            AlertDetails.quota(year, category, limit, utilisation, permitId),
                            region.code()
                                    + "|"
                                    + q
                                    + "|"
                                    + at
                                    + "|"
                                    + (issue == null ? "limit" : issue.eventId())));
        }
        if (issue != null && utilisation > limit) {
            emit(
                    out,
                    Alert.of(
                            AlertType.QUOTA_BREACH,
                            null,
                            at,
                            issue.subjectRef(),
                            region,
                            null,
                            issue.citizenship(),
                            AlertDetails.quota(
                                    year, category, limit, utilisation, issue.permitId()),
                            region.code()
                                    + "|"
                                    + q
                                    + "|"
                                    + issue.permitId()
                                    + "|"
                                    + issue.eventId()));
        }
    }

    private void emit(Collector<Alert> out, Alert alert) {
        alerts.count(alert);
        out.collect(alert);
    }
}
