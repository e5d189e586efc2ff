package kz.migration.monitor.labour;

import java.time.Instant;
import java.util.Comparator;
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
import kz.migration.monitor.pipeline.types.MonitorTypes;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

/**
 * A region's labour quotas (keyed by {@link QuotaInput#regionCode()}): active permits by issue year
 * and category, the limits in force, and the alerts they raise. {@code QUOTA_WARNING} when
 * utilisation reaches 90% of a limit above 0 (at an issue or at the quota record), again only after
 * it fell below; {@code QUOTA_BREACH} for every issue that leaves utilisation above a limit.
 */
public final class QuotaLedger extends EventTimeOrderedFunction<String, QuotaInput, Alert> {

    private static final long serialVersionUID = 1L;

    private transient MapState<QuotaKey, Long> active;
    private transient MapState<QuotaKey, Long> limits;
    private transient MapState<QuotaKey, Long> limitSetAt;
    private transient MapState<QuotaKey, Boolean> warned;
    private transient AlertCounter alerts;

    public QuotaLedger(long horizon) {
        super(MonitorTypes.of(QuotaInput.class), horizon);
    }

    @Override
    protected void openState(OpenContext openContext) {
        active =
                getRuntimeContext()
                        .getMapState(new MapStateDescriptor<>("active", QuotaKey.TYPE, Types.LONG));
        limits =
                getRuntimeContext()
                        .getMapState(new MapStateDescriptor<>("limits", QuotaKey.TYPE, Types.LONG));
        limitSetAt =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "limit-set-at", QuotaKey.TYPE, Types.LONG));
        warned =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>("warned", QuotaKey.TYPE, Types.BOOLEAN));
        alerts = new AlertCounter(getRuntimeContext().getMetricGroup());
    }

    @Override
    protected Comparator<QuotaInput> order() {
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
        QuotaKey[] quotas = {QuotaKey.of(c.year(), c.category()), QuotaKey.total(c.year())};
        for (QuotaKey q : quotas) {
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
        for (QuotaKey q : quotas) {
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
    private static boolean replacementRecounts(
            Region region, QuotaKey q, ActivePermit replacement) {
        return replacement != null
                && replacement.region() == region
                && (q.equals(QuotaKey.of(replacement.year(), replacement.category()))
                        || q.equals(QuotaKey.total(replacement.year())));
    }

    private void onLimit(Region region, QuotaLimit record, Context ctx, Collector<Alert> out)
            throws Exception {
        QuotaKey q = new QuotaKey(record.year(), record.categoryName());
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
            QuotaKey q,
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
        int year = q.year();
        String category = q.category();
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
                    Alert.builder(AlertType.QUOTA_WARNING)
                            .raisedAt(at)
                            .region(region)
                            .details(
                                    new AlertDetails.Quota(
                                            year, category, limit, utilisation, permitId))
                            .identity(
                                    region.code()
                                            + "|"
                                            + q.identity()
                                            + "|"
                                            + at
                                            + "|"
                                            + (issue == null ? "limit" : issue.eventId()))
                            .build());
        }
        if (issue != null && utilisation > limit) {
            emit(
                    out,
                    Alert.builder(AlertType.QUOTA_BREACH)
                            .raisedAt(at)
                            .subjectRef(issue.subjectRef())
                            .region(region)
                            .citizenship(issue.citizenship())
                            .details(
                                    new AlertDetails.Quota(
                                            year, category, limit, utilisation, issue.permitId()))
                            .identity(
                                    region.code()
                                            + "|"
                                            + q.identity()
                                            + "|"
                                            + issue.permitId()
                                            + "|"
                                            + issue.eventId())
                            .build());
        }
    }

    private void emit(Collector<Alert> out, Alert alert) {
        alerts.count(alert);
        out.collect(alert);
    }
}
