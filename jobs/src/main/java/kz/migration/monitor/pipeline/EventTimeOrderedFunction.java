package kz.migration.monitor.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * A keyed function that sees its key's events in event-time order, whatever order they arrive in.
 *
 * <p>Events wait in state until the watermark passes their timestamp. When it does, the function
 * first runs the work scheduled for that instant ({@link #onTime}, e.g. the end of a day), then
 * applies the events of that instant sorted by {@link #order()}. Because Flink fires timers in
 * timestamp order, a key's scheduled work and its events interleave exactly as in event time: this
 * is what makes the results of the streaming job (with out-of-order input within the allowed
 * lateness) and of a replay over shuffled files identical.
 *
 * <p>Timers after the {@code horizon} (a replay's as-of instant) are not registered, so nothing
 * that would only become true after it is reported.
 */
public abstract class EventTimeOrderedFunction<K, IN, OUT>
        extends KeyedProcessFunction<K, IN, OUT> {

    private static final long serialVersionUID = 1L;

    protected final long horizon;
    private final TypeInformation<IN> eventType;
    private transient MapState<Long, List<IN>> pending;

    protected EventTimeOrderedFunction(TypeInformation<IN> eventType, long horizon) {
        this.eventType = eventType;
        this.horizon = horizon;
    }

    /** The order of events that share a timestamp. */
    protected abstract Comparator<IN> order();

    /** Applies one event, in event-time order. */
    protected abstract void onEvent(IN event, long timestamp, Context ctx, Collector<OUT> out)
            throws Exception;

    /** Runs the work due at {@code timestamp}, before the events of that instant. */
    protected void onTime(long timestamp, OnTimerContext ctx, Collector<OUT> out)
            throws Exception {}

    @Override
    public void open(OpenContext openContext) throws Exception {
        pending =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "pending-events",
                                        Types.LONG,
                                        new ListTypeInfo<>(eventType)));
    }

    @Override
    public void processElement(IN event, Context ctx, Collector<OUT> out) throws Exception {
        long ts = ctx.timestamp();
        // The list from state is appended to and put back rather than copied: on the heap backend
        // it is the stored list itself, on RocksDB a fresh copy, so neither copying nor mutating
        // can leak between keys.
        List<IN> atTs = pending.get(ts);
        if (atTs == null) {
            atTs = new ArrayList<>(1);
            // Events waiting at an instant always have its timer (see unscheduleAt).
            ctx.timerService().registerEventTimeTimer(ts);
        }
        atTs.add(event);
        pending.put(ts, atTs);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {
        onTime(timestamp, ctx, out);
        List<IN> due = pending.get(timestamp);
        if (due != null) {
            pending.remove(timestamp);
            due.sort(order());
            for (IN event : due) {
                onEvent(event, timestamp, ctx, out);
            }
        }
    }

    /** Schedules {@link #onTime} at {@code timestamp} unless it lies after the horizon. */
    protected void scheduleAt(Context ctx, long timestamp) {
        if (timestamp <= horizon) {
            ctx.timerService().registerEventTimeTimer(timestamp);
        }
    }

    /**
     * Withdraws work scheduled with {@link #scheduleAt}. Flink keeps one timer per key and instant,
     * shared with the events waiting for that instant: deleting it while events wait there would
     * lose them (an event exactly at midnight, the end of a day, is the usual case), so then the
     * timer stays and {@link #onTime} merely runs once more.
     */
    protected void unscheduleAt(Context ctx, long timestamp) throws Exception {
        if (!pending.contains(timestamp)) {
            ctx.timerService().deleteEventTimeTimer(timestamp);
        }
    }
}
