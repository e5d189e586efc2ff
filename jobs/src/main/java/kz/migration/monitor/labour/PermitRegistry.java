package kz.migration.monitor.labour;

import java.time.Instant;
import java.util.Comparator;
import kz.migration.monitor.event.Employment;
import kz.migration.monitor.event.EmploymentKind;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.KazakhstanTime;
import kz.migration.monitor.pipeline.EventTimeOrderedFunction;
import kz.migration.monitor.pipeline.types.MonitorTypes;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.util.Collector;

/**
 * Knows each permit (keyed by {@code permitId}) while it is active and turns issues, replacements,
 * revocations and expiries into {@link PermitChange}s for the regions' quota ledgers. A permit's
 * state is cleared when it stops being active.
 */
public final class PermitRegistry
        extends EventTimeOrderedFunction<String, Employment, PermitChange> {

    private static final long serialVersionUID = 1L;

    private transient ValueState<ActivePermit> active;

    public PermitRegistry(long horizon) {
        super(MonitorTypes.of(Employment.class), horizon);
    }

    @Override
    protected void openState(OpenContext openContext) {
        active =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "active-permit", MonitorTypes.of(ActivePermit.class)));
    }

    @Override
    protected Comparator<Employment> order() {
        return Comparator.<Employment, InputEvent>comparing(e -> e, InputEvent.PROCESSING_ORDER);
    }

    @Override
    protected void onTime(long timestamp, OnTimerContext ctx, Collector<PermitChange> out)
            throws Exception {
        // The only work scheduled is the active permit's expiry: replacements and revocations
        // withdraw it.
        ActivePermit p = active.value();
        out.collect(
                removed(ctx.getCurrentKey(), p, null, Instant.ofEpochMilli(timestamp), 0, null));
        active.clear();
    }

    @Override
    protected void onEvent(Employment e, long timestamp, Context ctx, Collector<PermitChange> out)
            throws Exception {
        ActivePermit issued =
                e.kind() != EmploymentKind.PERMIT_ISSUED
                        ? null
                        : new ActivePermit(
                                e.region(),
                                e.category(),
                                KazakhstanTime.dateOf(e.occurredAt()).getYear(),
                                e.permitUntil(),
                                e.subjectRef(),
                                e.citizenship());
        ActivePermit p = active.value();
        if (p != null) {
            out.collect(removed(e.permitId(), p, e.eventId(), e.occurredAt(), 1, issued));
            unscheduleAt(ctx, KazakhstanTime.endMillisOf(p.until()));
            active.clear();
        }
        if (issued == null) {
            return;
        }
        active.update(issued);
        out.collect(
                new PermitChange(
                        true,
                        e.permitId(),
                        issued.region(),
                        issued.category(),
                        issued.year(),
                        issued.subjectRef(),
                        issued.citizenship(),
                        e.eventId(),
                        e.occurredAt(),
                        1,
                        null));
        scheduleAt(ctx, KazakhstanTime.endMillisOf(e.permitUntil()));
    }

    private static PermitChange removed(
            String permitId,
            ActivePermit p,
            String eventId,
            Instant at,
            int order,
            ActivePermit replacedBy) {
        return new PermitChange(
                false,
                permitId,
                p.region(),
                p.category(),
                p.year(),
                p.subjectRef(),
                p.citizenship(),
                eventId,
                at,
                order,
                replacedBy);
    }
}
