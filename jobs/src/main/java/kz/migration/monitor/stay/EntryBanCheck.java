package kz.migration.monitor.stay;

import java.time.LocalDate;
import java.util.Comparator;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.AlertDetails;
import kz.migration.monitor.event.AlertType;
import kz.migration.monitor.event.BorderCrossing;
import kz.migration.monitor.event.Direction;
import kz.migration.monitor.event.EntryBan;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.KazakhstanTime;
import kz.migration.monitor.metrics.AlertCounter;
import kz.migration.monitor.pipeline.EventTimeOrderedFunction;
import kz.migration.monitor.pipeline.types.MonitorTypes;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

/**
 * Raises {@code BANNED_ENTRY} for every {@code ENTRY} of a person whose {@code ENTRY_BAN} in force
 * then runs to the entry's local date or later, whatever their citizenship. Keyed by {@code
 * subjectRef} ({@link #personOf}), so bans and entries meet as pseudonyms: the ban records of the
 * reference-data stream meet the person's entries here, so the bans, which can number in the
 * hundreds of thousands, are spread over the keyed state like the people themselves.
 *
 * <p>A key holds the {@code until} of its latest record and the instant it was set (for the
 * same-instant rule: the earlier {@code until} stands); both are cleared once the ban is over.
 */
public final class EntryBanCheck extends EventTimeOrderedFunction<String, InputEvent, Alert> {

    private static final long serialVersionUID = 1L;

    private transient AlertCounter alerts;
    private transient ValueState<Long> untilDay;
    private transient ValueState<Long> setAt;

    public EntryBanCheck(long horizon) {
        super(MonitorTypes.INPUT_EVENT, horizon);
    }

    /** What this function needs to read: ban records and the entries of those who may be banned. */
    public static boolean reads(InputEvent e, BannedSubjects banned) {
        return e instanceof EntryBan
                || (e instanceof BorderCrossing c
                        && c.direction() == Direction.ENTRY
                        && banned.mayBeBanned(c.subjectRef()));
    }

    /** The key: the {@code subjectRef} of the person an entry or a ban is about. */
    public static String personOf(InputEvent e) {
        return e instanceof EntryBan b ? b.bannedSubjectRef() : e.subjectRef();
    }

    @Override
    protected void openState(OpenContext openContext) {
        alerts = new AlertCounter(getRuntimeContext().getMetricGroup());
        untilDay =
                getRuntimeContext().getState(new ValueStateDescriptor<>("ban-until", Types.LONG));
        setAt = getRuntimeContext().getState(new ValueStateDescriptor<>("ban-set-at", Types.LONG));
    }

    @Override
    protected Comparator<InputEvent> order() {
        return InputEvent.PROCESSING_ORDER;
    }

    @Override
    protected void onEvent(InputEvent event, long timestamp, Context ctx, Collector<Alert> out)
            throws Exception {
        if (event instanceof EntryBan ban) {
            onBan(ban, timestamp, ctx);
        } else if (event instanceof BorderCrossing c && c.direction() == Direction.ENTRY) {
            onEntry(c, out);
        }
    }

    private void onBan(EntryBan ban, long timestamp, Context ctx) throws Exception {
        long until = ban.until().toEpochDay();
        Long previousAt = setAt.value();
        if (previousAt != null) {
            if (previousAt == timestamp) {
                until = Math.min(until, untilDay.value());
            }
            // The replaced record's wake-up is withdrawn, so its schedule does not outlive it.
            unscheduleAt(ctx, lastMillisOf(untilDay.value(), previousAt));
        }
        untilDay.update(until);
        setAt.update(timestamp);
        // Kept through the record's own day even when it lifts the ban at once, so that a second
        // record at the same instant still meets it.
        scheduleAt(ctx, lastMillisOf(until, timestamp));
    }

    /** The end of the last day a record (set at {@code setAt}) is kept: its own day at least. */
    private static long lastMillisOf(long untilEpochDay, long setAt) {
        long lastDay = Math.max(untilEpochDay, KazakhstanTime.dateOf(setAt).toEpochDay());
        return KazakhstanTime.endMillisOf(LocalDate.ofEpochDay(lastDay));
    }

    private void onEntry(BorderCrossing entry, Collector<Alert> out) throws Exception {
        Long until = untilDay.value();
        if (until == null || until < KazakhstanTime.dateOf(entry.occurredAt()).toEpochDay()) {
            return;
        }
        String subjectRef = entry.subjectRef();
        Alert alert =
                Alert.builder(AlertType.BANNED_ENTRY)
                        .raisedAt(entry.occurredAt())
                        .subjectRef(subjectRef)
                        .region(entry.region())
                        .city(entry.city())
                        .citizenship(entry.citizenship())
                        .details(new AlertDetails.Ban(LocalDate.ofEpochDay(until)))
                        .identity(subjectRef + "|" + entry.eventId())
                        .build();
        alerts.count(alert);
        out.collect(alert);
    }

    /** Forgets a ban once it is over; a timer left by a replaced record finds it still due. */
    @Override
    protected void onTime(long timestamp, OnTimerContext ctx, Collector<Alert> out)
            throws Exception {
        Long until = untilDay.value();
        Long at = setAt.value();
        if (until == null) {
            return;
        }
        if (lastMillisOf(until, at) <= timestamp) {
            untilDay.clear();
            setAt.clear();
        }
    }
}
