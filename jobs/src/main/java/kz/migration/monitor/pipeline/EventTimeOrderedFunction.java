package kz.migration.monitor.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * A keyed function that sees its key's events in event-time order, whatever order they arrive in.
 *
 * <p>Events wait in state until the watermark passes their timestamp. When it does, the function
 * first runs the work the subclass scheduled for that instant with {@link #scheduleAt} ({@link
 * #onTime}, e.g. the end of a day), then applies the events of that instant sorted by {@link
 * #order()}. Because Flink fires timers in timestamp order, a key's scheduled work and its events
 * interleave exactly as in event time: this is what makes the results of the streaming job (with
 * out-of-order input within the allowed lateness) and of a replay over shuffled files identical.
 *
 * <p>{@link #onTime} runs only at instants that were scheduled and not withdrawn, so subclasses
 * need not check why they were woken. Work after the {@code horizon} (a replay's as-of instant) is
 * not scheduled, so nothing that would only become true after it is reported.
 */
public abstract class EventTimeOrderedFunction<K, IN, OUT>
        extends KeyedProcessFunction<K, IN, OUT> {

    private static final long serialVersionUID = 1L;

    protected final long horizon;
    private final TypeInformation<IN> eventType;

    /**
     * What is due at each instant that has a timer: whether {@link #onTime} was requested ({@code
     * f0}) and the events waiting for it ({@code f1}). Flink keeps one timer per key and instant,
     * which events and requested work share; the entry tells the timer what it is for.
     */
    private transient MapState<Long, Tuple2<Boolean, List<IN>>> due;

    protected EventTimeOrderedFunction(TypeInformation<IN> eventType, long horizon) {
        this.eventType = eventType;
        this.horizon = horizon;
    }

    /** The order of events that share a timestamp. */
    protected abstract Comparator<IN> order();

    /** Applies one event, in event-time order. */
    protected abstract void onEvent(IN event, long timestamp, Context ctx, Collector<OUT> out)
            throws Exception;

    /**
     * Runs the work scheduled for {@code timestamp}, before the events of that instant. Called only
     * at instants requested with {@link #scheduleAt} (or {@link #scheduleEvenAfterHorizonAt}) and
     * not withdrawn since.
     */
    protected void onTime(long timestamp, OnTimerContext ctx, Collector<OUT> out)
            throws Exception {}

    /** Opens the subclass's state; the base's own is open by then. */
    protected void openState(OpenContext openContext) throws Exception {}

    @Override
    public final void open(OpenContext openContext) throws Exception {
        due =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "due",
                                        Types.LONG,
                                        Types.TUPLE(Types.BOOLEAN, new ListTypeInfo<>(eventType))));
        openState(openContext);
    }

    @Override
    public final void processElement(IN event, Context ctx, Collector<OUT> out) throws Exception {
        long ts = ctx.timestamp();
        // The entry from state is changed and put back rather than copied: on the heap backend it
        // is the stored object itself, on RocksDB a fresh copy, so neither copying nor mutating
        // can leak between keys.
        Tuple2<Boolean, List<IN>> at = due.get(ts);
        if (at == null) {
            at = Tuple2.of(false, new ArrayList<>(1));
            ctx.timerService().registerEventTimeTimer(ts);
        }
        at.f1.add(event);
        due.put(ts, at);
    }

    @Override
    public final void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out)
            throws Exception {
        Tuple2<Boolean, List<IN>> at = due.get(timestamp);
        if (at == null) {
            return;
        }
        due.remove(timestamp);
        if (at.f0) {
            onTime(timestamp, ctx, out);
        }
        at.f1.sort(order());
        for (IN event : at.f1) {
            onEvent(event, timestamp, ctx, out);
        }
    }

    /** Schedules {@link #onTime} at {@code timestamp} unless it lies after the horizon. */
    protected final void scheduleAt(Context ctx, long timestamp) throws Exception {
        if (timestamp <= horizon) {
            scheduleEvenAfterHorizonAt(ctx, timestamp);
        }
    }

    /**
     * Schedules {@link #onTime} at {@code timestamp} even after the horizon, where it runs only
     * when the input ends (for work whose result is written as it stands then, such as a day's
     * counts so far).
     */
    protected final void scheduleEvenAfterHorizonAt(Context ctx, long timestamp) throws Exception {
        Tuple2<Boolean, List<IN>> at = due.get(timestamp);
        if (at == null) {
            at = Tuple2.of(true, new ArrayList<>(0));
            ctx.timerService().registerEventTimeTimer(timestamp);
        } else if (at.f0) {
            return;
        } else {
            at.f0 = true;
        }
        due.put(timestamp, at);
    }

    /**
     * Withdraws work scheduled at {@code timestamp}. The timer goes too, unless events wait for
     * that instant (an event exactly at midnight, the end of a day, is the usual case): they are
     * still applied then, without {@link #onTime}.
     */
    protected final void unscheduleAt(Context ctx, long timestamp) throws Exception {
        Tuple2<Boolean, List<IN>> at = due.get(timestamp);
        if (at == null || !at.f0) {
            return;
        }
        if (at.f1.isEmpty()) {
            due.remove(timestamp);
            ctx.timerService().deleteEventTimeTimer(timestamp);
        } else {
            at.f0 = false;
            due.put(timestamp, at);
        }
    }
}
