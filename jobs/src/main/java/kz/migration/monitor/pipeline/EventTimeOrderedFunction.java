package kz.migration.monitor.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.TimestampedCollector;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * A keyed function that sees its key's events in event-time order, whatever order they arrive in.
 *
 * <p>Events wait in state until the watermark passes their timestamp. When it does, the function
 * goes through the instants up to the watermark in order: at each it first runs the work the
 * subclass scheduled for that instant with {@link #scheduleAt} ({@link #onTime}, e.g. the end of a
 * day), then applies the events of that instant sorted by {@link #order()}. A key's scheduled work
 * and its events thus interleave exactly as in event time: this is what makes the results of the
 * streaming job (with out-of-order input within the allowed lateness) and of a replay over shuffled
 * files identical. Main output emitted at an instant carries that instant as timestamp.
 *
 * <p>A key has one timer at a time, at the earliest instant that has work or events, and its events
 * wait in an append-only list: a timer and a state entry per key and instant made timers and the
 * rewriting of each instant's list the largest costs of the job. The timer's instant, the scheduled
 * work and whether events wait in the list are one state value, a {@link Schedule}: a wake of a key
 * with work scheduled reads one entry rather than three and writes one only if it changed (with
 * RocksDB, point reads were half of the person operator's time). In the streaming job a {@link
 * HoldingOperator} holds the waiting events in memory instead and hands them over at the watermark
 * ({@link #releaseHeld}); they reach the list only when too many wait.
 *
 * <p>{@link #onTime} runs only at instants that were scheduled and not withdrawn, so subclasses
 * need not check why they were woken. Work after the {@code horizon} (a replay's as-of instant) is
 * not scheduled, so nothing that would only become true after it is reported.
 *
 * <p>Savepoints of the versions before kept the timer's instant ("wake-at") and the work ("agenda")
 * apart, and before that a {@code MapState} "due" of instant to (work requested, events) with a
 * timer per entry. A job restored from one takes a key's over into today's state the first time it
 * reads the key's schedule, so no waiting event or scheduled work is lost in the upgrade.
 */
public abstract class EventTimeOrderedFunction<K, IN, OUT> extends KeyedProcessFunction<K, IN, OUT>
        implements CheckpointedFunction, ReleasesHeldEvents<K, IN, OUT> {

    private static final long serialVersionUID = 1L;

    private static final long[] NOTHING = new long[0];

    protected final long horizon;
    private final TypeInformation<IN> eventType;

    /** The events that wait for the watermark, with their timestamps, in arrival order. */
    private transient ListState<Tuple2<Long, IN>> waiting;

    /** The key's {@link Schedule}, in its stored form; none while the key has no timer. */
    private transient ValueState<long[]> schedule;

    /**
     * The agenda of the key being woken, while its instants are gone through: work scheduled or
     * withdrawn meanwhile changes it here and it is written back once at the end.
     */
    private transient long[] wokenAgenda;

    /** The state of the versions before, read only in a job restored from a savepoint. */
    private transient ValueState<long[]> legacyAgenda;

    private transient ValueState<Long> legacyWakeAt;
    private transient MapState<Long, Tuple2<Boolean, List<IN>>> legacyDue;

    private transient boolean restored;

    /**
     * With each key's input in time order ({@link #inTimeOrder}), how many events may wait before a
     * later one lets them through; 0 when the input is in no particular order.
     */
    private int maxWaiting;

    /**
     * The key whose waiting events {@link #waitingCount} and {@link #latestSeen} describe, with
     * input in time order: BATCH mode goes through one key after another, so they are counted again
     * only when the key changes.
     */
    private transient Object countedKey;

    private transient int waitingCount;
    private transient long latestSeen;

    protected EventTimeOrderedFunction(TypeInformation<IN> eventType, long horizon) {
        this.eventType = eventType;
        this.horizon = horizon;
    }

    /**
     * Tells the function that each key's events come in time order, as in Flink's {@code BATCH}
     * mode, which sorts a keyed input by key and timestamp: once {@code maxWaiting} events wait, an
     * event at a later instant lets them through, instead of them all waiting for the watermark,
     * which in that mode comes only after the key's last event. A key then never holds more than
     * about {@code maxWaiting} events, and the work of going through them is shared by as many.
     * Input out of time order fails the job.
     *
     * @return this function
     */
    public final EventTimeOrderedFunction<K, IN, OUT> inTimeOrder(int maxWaiting) {
        if (maxWaiting < 1) {
            throw new IllegalArgumentException("maxWaiting must be at least 1, not " + maxWaiting);
        }
        this.maxWaiting = maxWaiting;
        return this;
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

    /**
     * Called when the key wakes, before the work and events of its instants up to the watermark:
     * {@link #onTime} and {@link #onEvent} run only between this and {@link #endWake}, so a
     * subclass may read its state here once and keep it in memory meanwhile.
     */
    protected void startWake(OnTimerContext ctx) throws Exception {}

    /** Called after the key's instants up to the watermark were gone through. */
    protected void endWake(OnTimerContext ctx) throws Exception {}

    /** Opens the subclass's state; the base's own is open by then. */
    protected void openState(OpenContext openContext) throws Exception {}

    /**
     * The current key's {@link Schedule} in its stored form, {@code null} if it has none. By
     * default a state of its own ("schedule"). A subclass that keeps a value of its own per key may
     * keep the schedule in that value instead ({@link #storeSchedule}), so that a wake reads one
     * entry rather than two: with RocksDB a point read each, most of them for keys with nothing
     * scheduled, which must search every memtable and file. It then reads its value here, keeps it
     * in memory and writes it back once in {@link #doneWithKey}.
     */
    protected long[] loadSchedule() throws Exception {
        return schedule.value();
    }

    /**
     * Stores the current key's schedule ({@code null}: it has none), called only when it changed. A
     * subclass that overrides {@link #loadSchedule} overrides this too.
     */
    protected void storeSchedule(long[] stored) throws Exception {
        if (stored == null) {
            schedule.clear();
        } else {
            schedule.update(stored);
        }
    }

    /**
     * Called when the function is done with the current key for now: at the end of each event it is
     * given, each timer and each release of held events. A subclass that keeps the key's value in
     * memory meanwhile writes it back here.
     */
    protected void doneWithKey() throws Exception {}

    /**
     * For a subclass that keeps the schedule in its own value: the current key's schedule as the
     * versions before kept it, in the base's own state, moved out of it ({@code null} if there is
     * none). Only a job restored from a savepoint can hold one.
     */
    protected final long[] takeScheduleOfOwnState() throws Exception {
        long[] stored = schedule.value();
        if (stored != null) {
            schedule.clear();
        }
        return stored;
    }

    @Override
    public final void open(OpenContext openContext) throws Exception {
        waiting =
                getRuntimeContext()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "waiting", Types.TUPLE(Types.LONG, eventType)));
        schedule =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "schedule",
                                        PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
        legacyAgenda =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "agenda",
                                        PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
        legacyWakeAt =
                getRuntimeContext().getState(new ValueStateDescriptor<>("wake-at", Types.LONG));
        legacyDue =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "due",
                                        Types.LONG,
                                        Types.TUPLE(Types.BOOLEAN, new ListTypeInfo<>(eventType))));
        openState(openContext);
    }

    @Override
    public final void initializeState(FunctionInitializationContext context) {
        // A fresh job cannot hold the old state: it pays no look-up for it per timer.
        restored = context.isRestored();
    }

    @Override
    public final void snapshotState(FunctionSnapshotContext context) {}

    /**
     * Whether the job was restored from a checkpoint or savepoint, which may hold the state of
     * versions before: a fresh job need not look for it.
     */
    protected final boolean isRestored() {
        return restored;
    }

    @Override
    public final void processElement(IN event, Context ctx, Collector<OUT> out) throws Exception {
        long ts = ctx.timestamp();
        if (maxWaiting > 0) {
            applyEarlierInstants(ts, ctx, out);
        }
        waiting.add(Tuple2.of(ts, event));
        Schedule s = readSchedule();
        if (s == null) {
            ctx.timerService().registerEventTimeTimer(ts);
            writeSchedule(null, new Schedule(ts, true, NOTHING));
        } else {
            long wake = s.wakeAt();
            if (ts < wake) {
                ctx.timerService().deleteEventTimeTimer(wake);
                ctx.timerService().registerEventTimeTimer(ts);
                wake = ts;
            }
            writeSchedule(s, new Schedule(wake, true, s.work()));
        }
        doneWithKey();
    }

    /**
     * With input in time order, an event at {@code ts} shows that the events waiting at earlier
     * instants are all there: once there are {@link #maxWaiting} of them, they are applied.
     */
    private void applyEarlierInstants(long ts, Context ctx, Collector<OUT> out) throws Exception {
        Object key = ctx.getCurrentKey();
        if (!key.equals(countedKey)) {
            countWaiting(key);
        }
        if (waitingCount > 0 && ts < latestSeen) {
            throw new IllegalStateException(
                    "an event at "
                            + ts
                            + " came after one at "
                            + latestSeen
                            + ": the input of "
                            + getClass().getSimpleName()
                            + " is not in time order");
        }
        if (waitingCount >= maxWaiting && ts > latestSeen) {
            wake(latestSeen, false, new EventContext(ctx), out);
            waitingCount = 0;
        }
        waitingCount++;
        latestSeen = Math.max(latestSeen, ts);
    }

    /** Counts the waiting events of {@code key}, the current key, and their latest instant. */
    private void countWaiting(Object key) throws Exception {
        countedKey = key;
        waitingCount = 0;
        latestSeen = Long.MIN_VALUE;
        Iterable<Tuple2<Long, IN>> all = waiting.get();
        if (all != null) {
            for (Tuple2<Long, IN> e : all) {
                waitingCount++;
                latestSeen = Math.max(latestSeen, e.f0);
            }
        }
    }

    @Override
    public final void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out)
            throws Exception {
        // Flink advances the watermark before it fires the timers up to it, so everything up to
        // the watermark can be applied now, in one go, rather than one timer per instant.
        countedKey = null;
        wake(ctx.timerService().currentWatermark(), true, ctx, out);
        doneWithKey();
    }

    /**
     * Goes through the instants up to {@code watermark}, each its work then its events; {@code
     * timerFired} when a timer woke the key rather than a later event.
     */
    private void wake(long watermark, boolean timerFired, OnTimerContext ctx, Collector<OUT> out)
            throws Exception {
        wake(watermark, timerFired, List.of(), ctx, out);
    }

    /**
     * Goes through the instants up to {@code watermark} with the key's events that waited in state
     * and {@code held}, which arrived after them and waited in a {@link HoldingOperator}.
     */
    @Override
    public final void releaseHeld(
            List<Tuple2<Long, IN>> held, long watermark, OnTimerContext ctx, Collector<OUT> out)
            throws Exception {
        countedKey = null;
        wake(watermark, false, held, ctx, out);
        doneWithKey();
    }

    private void wake(
            long watermark,
            boolean timerFired,
            List<Tuple2<Long, IN>> held,
            OnTimerContext ctx,
            Collector<OUT> out)
            throws Exception {
        // A key without a schedule (most keys woken for events held outside state) has no work
        // and no events in state to read; one with a schedule, its list only if events wait.
        Schedule had = readSchedule();
        List<Tuple2<Long, IN>> due = new ArrayList<>();
        List<Tuple2<Long, IN>> later = new ArrayList<>();
        boolean waited = false;
        Iterable<Tuple2<Long, IN>> all = had != null && had.eventsWaiting() ? waiting.get() : null;
        if (all != null) {
            for (Tuple2<Long, IN> e : all) {
                waited = true;
                (e.f0 <= watermark ? due : later).add(e);
            }
        }
        due.addAll(held);
        Comparator<IN> order = order();
        due.sort((a, b) -> a.f0.equals(b.f0) ? order.compare(a.f1, b.f1) : a.f0.compareTo(b.f0));
        long[] work;
        wokenAgenda = had == null ? NOTHING : had.work();
        try {
            startWake(ctx);
            int next = 0;
            while (true) {
                boolean hasWork = wokenAgenda.length > 0 && wokenAgenda[0] <= watermark;
                boolean hasEvents = next < due.size();
                if (!hasWork && !hasEvents) {
                    break;
                }
                long at =
                        hasWork && (!hasEvents || wokenAgenda[0] <= due.get(next).f0)
                                ? wokenAgenda[0]
                                : due.get(next).f0;
                if (out instanceof TimestampedCollector<OUT> timestamped) {
                    timestamped.setAbsoluteTimestamp(at);
                }
                if (hasWork && wokenAgenda[0] == at) {
                    wokenAgenda = Arrays.copyOfRange(wokenAgenda, 1, wokenAgenda.length);
                    onTime(at, ctx, out);
                }
                for (; next < due.size() && due.get(next).f0 == at; next++) {
                    onEvent(due.get(next).f1, at, ctx, out);
                }
            }
            endWake(ctx);
            work = wokenAgenda;
        } finally {
            wokenAgenda = null;
        }
        if (waited && due.size() > held.size()) {
            if (later.isEmpty()) {
                waiting.clear();
            } else {
                waiting.update(later);
            }
        }
        long wake = work.length > 0 ? work[0] : Long.MAX_VALUE;
        for (Tuple2<Long, IN> e : later) {
            wake = Math.min(wake, e.f0);
        }
        // A timer that fired is gone: the key needs a new one only if something is left. Woken by
        // a later event instead, the key still has its timer, which is moved or dropped.
        boolean hasTimer = had != null && !(timerFired && had.wakeAt() <= watermark);
        if (work.length > 0 || !later.isEmpty()) {
            if (!hasTimer || had.wakeAt() != wake) {
                if (hasTimer) {
                    ctx.timerService().deleteEventTimeTimer(had.wakeAt());
                }
                ctx.timerService().registerEventTimeTimer(wake);
            }
            writeSchedule(had, new Schedule(wake, !later.isEmpty(), work));
        } else {
            if (hasTimer) {
                ctx.timerService().deleteEventTimeTimer(had.wakeAt());
            }
            writeSchedule(had, null);
        }
    }

    /**
     * The context of an event, for the work and events it lets through ({@link
     * #applyEarlierInstants}): the hooks see it as a timer's.
     */
    private final class EventContext extends OnTimerContext {

        private final Context ctx;

        EventContext(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Long timestamp() {
            return ctx.timestamp();
        }

        @Override
        public TimerService timerService() {
            return ctx.timerService();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            ctx.output(outputTag, value);
        }

        @Override
        public TimeDomain timeDomain() {
            return TimeDomain.EVENT_TIME;
        }

        @Override
        public K getCurrentKey() {
            return ctx.getCurrentKey();
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
        if (wokenAgenda != null) {
            wokenAgenda = withInstant(wokenAgenda, timestamp);
            return;
        }
        Schedule s = readSchedule();
        long[] work = s == null ? NOTHING : s.work();
        long[] more = withInstant(work, timestamp);
        if (more == work) {
            return;
        }
        long wake = timestamp;
        if (s == null) {
            ctx.timerService().registerEventTimeTimer(timestamp);
        } else if (timestamp < s.wakeAt()) {
            ctx.timerService().deleteEventTimeTimer(s.wakeAt());
            ctx.timerService().registerEventTimeTimer(timestamp);
        } else {
            wake = s.wakeAt();
        }
        writeSchedule(s, new Schedule(wake, s != null && s.eventsWaiting(), more));
    }

    /**
     * Withdraws work scheduled at {@code timestamp}. Events that wait for that instant (an event
     * exactly at midnight, the end of a day, is the usual case) are still applied then, without
     * {@link #onTime}.
     */
    protected final void unscheduleAt(Context ctx, long timestamp) throws Exception {
        if (wokenAgenda != null) {
            wokenAgenda = withoutInstant(wokenAgenda, timestamp);
            return;
        }
        Schedule s = readSchedule();
        if (s == null) {
            return;
        }
        long[] less = withoutInstant(s.work(), timestamp);
        if (less == s.work()) {
            return;
        }
        if (s.wakeAt() != timestamp) {
            writeSchedule(s, new Schedule(s.wakeAt(), s.eventsWaiting(), less));
            return;
        }
        // The timer was for the withdrawn work: it moves to what is left, if anything is.
        ctx.timerService().deleteEventTimeTimer(s.wakeAt());
        long wake = less.length > 0 ? less[0] : Long.MAX_VALUE;
        boolean eventsWaiting = false;
        Iterable<Tuple2<Long, IN>> all = s.eventsWaiting() ? waiting.get() : null;
        if (all != null) {
            for (Tuple2<Long, IN> e : all) {
                wake = Math.min(wake, e.f0);
                eventsWaiting = true;
            }
        }
        if (less.length > 0 || eventsWaiting) {
            ctx.timerService().registerEventTimeTimer(wake);
            writeSchedule(s, new Schedule(wake, eventsWaiting, less));
        } else {
            writeSchedule(s, null);
        }
    }

    /** The current key's schedule, taken over from the state of the versions before if need be. */
    private Schedule readSchedule() throws Exception {
        Schedule s = Schedule.of(loadSchedule());
        return s == null && restored ? takeOverLegacyState() : s;
    }

    /** Writes {@code now} (none if {@code null}) over {@code had}, the key's stored schedule. */
    private void writeSchedule(Schedule had, Schedule now) throws Exception {
        if (now == null) {
            if (had != null) {
                storeSchedule(null);
            }
        } else if (!now.equals(had)) {
            storeSchedule(now.stored());
        }
    }

    /**
     * Moves the current key's entries of the state of the versions before into a schedule, which it
     * stores and returns; {@code null} if the key has none. The version before kept its timer's
     * instant while events waited or work was scheduled; the one before that had a timer for each
     * entry of "due", so its earliest is where the key's timer is.
     */
    private Schedule takeOverLegacyState() throws Exception {
        Long wake = legacyWakeAt.value();
        long[] work = wake == null ? null : legacyAgenda.value();
        work = work == null ? NOTHING : work;
        // Whether its events still wait, the version before did not say.
        boolean eventsWaiting = wake != null;
        if (!legacyDue.isEmpty()) {
            for (var entry : legacyDue.entries()) {
                long at = entry.getKey();
                if (entry.getValue().f0) {
                    work = withInstant(work, at);
                }
                for (IN event : entry.getValue().f1) {
                    waiting.add(Tuple2.of(at, event));
                    eventsWaiting = true;
                }
                wake = wake == null ? at : Math.min(wake, at);
            }
            legacyDue.clear();
        }
        if (wake == null) {
            return null;
        }
        legacyWakeAt.clear();
        legacyAgenda.clear();
        Schedule s = new Schedule(wake, eventsWaiting, work);
        writeSchedule(null, s);
        return s;
    }

    /** {@code instants} with {@code t} added in order; the same array if it was there. */
    private static long[] withInstant(long[] instants, long t) {
        int i = Arrays.binarySearch(instants, t);
        if (i >= 0) {
            return instants;
        }
        int at = -i - 1;
        long[] more = new long[instants.length + 1];
        System.arraycopy(instants, 0, more, 0, at);
        more[at] = t;
        System.arraycopy(instants, at, more, at + 1, instants.length - at);
        return more;
    }

    /** {@code instants} without {@code t}; the same array if it was not there. */
    private static long[] withoutInstant(long[] instants, long t) {
        int i = Arrays.binarySearch(instants, t);
        if (i < 0) {
            return instants;
        }
        long[] less = new long[instants.length - 1];
        System.arraycopy(instants, 0, less, 0, i);
        System.arraycopy(instants, i + 1, less, i, instants.length - i - 1);
        return less;
    }
}
