package kz.migration.monitor.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.flink.api.common.TaskInfo;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.typeutils.runtime.TupleSerializer;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.SimpleTimerService;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.TimestampedCollector;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * Runs a keyed function whose events wait for the watermark (an {@link EventTimeOrderedFunction},
 * the de-duplicator) in the streaming job, holding each event in memory until the watermark passes
 * it instead of in the function's keyed state. Most events are applied within a watermark or two of
 * their arrival, so their waiting in state (writes, a timer, and reading and clearing it all again
 * when the timer fires: most of the job's state accesses with RocksDB) is skipped. When a watermark
 * comes, each key's held events up to it go to the function ({@link
 * ReleasesHeldEvents#releaseHeld}), which applies them with what the key has in state, with the
 * outcome of their having waited there; then the timers up to it fire as usual.
 *
 * <p>A checkpoint keeps the held events as they are, in operator state beside the keyed state they
 * have not touched, and a restore holds them again: with a checkpoint a second, putting them into
 * keyed state at each barrier instead cost the de-duplicator two thirds of its time in {@code bench
 * latency} (a RocksDB read, write and timer per event, and reading it all back at the timer). Every
 * subtask is given all of them at a restore and keeps those of its own key groups, so a job
 * rescaled from a savepoint loses none. Once {@code maxHeld} events are held, they go into the
 * function's state as it would have kept them, so memory stays bounded when the watermark stalls.
 * Keys are woken in the order of their earliest held event.
 */
public final class HoldingOperator<
                K,
                IN,
                OUT,
                F extends KeyedProcessFunction<K, IN, OUT> & ReleasesHeldEvents<K, IN, OUT>>
        extends KeyedProcessOperator<K, IN, OUT> {

    private static final long serialVersionUID = 1L;

    /** The timer service of {@link KeyedProcessOperator}, shared by name. */
    private static final String TIMERS = "user-timers";

    /** The held events in a checkpoint: operator state, every subtask's given to each. */
    private static final String HELD_STATE = "held-events";

    private final F function;
    private final int maxHeld;

    /** Held events by timestamp, each with its key, in arrival order within a timestamp. */
    private transient NavigableMap<Long, List<Held<K, IN>>> held;

    private transient ListState<Tuple3<Long, K, IN>> heldState;
    private transient int heldCount;
    private transient TimestampedCollector<OUT> out;
    private transient WakeContext context;

    private record Held<K, IN>(K key, IN event) {}

    /**
     * @param maxHeld how many events may be held in memory before they go into state
     */
    public HoldingOperator(F function, int maxHeld) {
        super(function);
        if (maxHeld < 1) {
            throw new IllegalArgumentException("maxHeld must be at least 1, not " + maxHeld);
        }
        this.function = function;
        this.maxHeld = maxHeld;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        held = new TreeMap<>();
        heldCount = 0;
        ClassLoader classLoader = getUserCodeClassloader();
        TypeSerializer<K> keys = getOperatorConfig().getStateKeySerializer(classLoader);
        TypeSerializer<IN> events = getOperatorConfig().getTypeSerializerIn(0, classLoader);
        if (keys == null || events == null) {
            throw new IllegalStateException(
                    "the operator's configuration names no key or input serializer");
        }
        @SuppressWarnings("unchecked")
        Class<Tuple3<Long, K, IN>> tuples = (Class<Tuple3<Long, K, IN>>) (Class<?>) Tuple3.class;
        heldState =
                context.getOperatorStateStore()
                        .getUnionListState(
                                new ListStateDescriptor<>(
                                        HELD_STATE,
                                        new TupleSerializer<>(
                                                tuples,
                                                new TypeSerializer<?>[] {
                                                    LongSerializer.INSTANCE, keys, events
                                                })));
        if (context.isRestored()) {
            TaskInfo task = getRuntimeContext().getTaskInfo();
            for (Tuple3<Long, K, IN> h : heldState.get()) {
                int subtask =
                        KeyGroupRangeAssignment.assignKeyToParallelOperator(
                                h.f1,
                                task.getMaxNumberOfParallelSubtasks(),
                                task.getNumberOfParallelSubtasks());
                if (subtask == task.getIndexOfThisSubtask()) {
                    hold(h.f0, h.f1, h.f2);
                }
            }
        }
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        List<Tuple3<Long, K, IN>> all = new ArrayList<>(heldCount);
        for (Map.Entry<Long, List<Held<K, IN>>> at : held.entrySet()) {
            for (Held<K, IN> h : at.getValue()) {
                all.add(Tuple3.of(at.getKey(), h.key(), h.event()));
            }
        }
        heldState.update(all);
    }

    @Override
    public void open() throws Exception {
        super.open();
        out = new TimestampedCollector<>(output);
        context =
                new WakeContext(
                        function,
                        new SimpleTimerService(
                                getInternalTimerService(
                                        TIMERS, VoidNamespaceSerializer.INSTANCE, this)));
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        @SuppressWarnings("unchecked")
        K key = (K) getCurrentKey();
        if (heldCount >= maxHeld) {
            putIntoState();
            setCurrentKey(key);
        }
        if (!element.hasTimestamp() || !function.waits(element.getValue())) {
            // Without a timestamp the function fails the element as it always did.
            super.processElement(element);
            return;
        }
        hold(element.getTimestamp(), key, element.getValue());
    }

    private void hold(long timestamp, K key, IN event) {
        held.computeIfAbsent(timestamp, t -> new ArrayList<>(2)).add(new Held<>(key, event));
        heldCount++;
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        release(mark.getTimestamp());
        // Then the timers of keys with nothing held (their work, and events put into state).
        super.processWatermark(mark);
    }

    /** Applies each key's held events up to {@code watermark}, with the key's state. */
    private void release(long watermark) throws Exception {
        NavigableMap<Long, List<Held<K, IN>>> due = held.headMap(watermark, true);
        if (due.isEmpty()) {
            return;
        }
        Map<K, List<Tuple2<Long, IN>>> byKey = new LinkedHashMap<>();
        for (Map.Entry<Long, List<Held<K, IN>>> at : due.entrySet()) {
            Long ts = at.getKey();
            for (Held<K, IN> h : at.getValue()) {
                byKey.computeIfAbsent(h.key(), k -> new ArrayList<>(2))
                        .add(Tuple2.of(ts, h.event()));
                heldCount--;
            }
        }
        due.clear();
        context.watermark = watermark;
        for (Map.Entry<K, List<Tuple2<Long, IN>>> e : byKey.entrySet()) {
            setCurrentKey(e.getKey());
            out.setAbsoluteTimestamp(watermark);
            function.releaseHeld(e.getValue(), watermark, context, out);
        }
    }

    /** Puts every held event into the function's state, as if it had just arrived. */
    private void putIntoState() throws Exception {
        for (Map.Entry<Long, List<Held<K, IN>>> at : held.entrySet()) {
            for (Held<K, IN> h : at.getValue()) {
                setCurrentKey(h.key());
                super.processElement(new StreamRecord<>(h.event(), at.getKey()));
            }
        }
        held.clear();
        heldCount = 0;
    }

    /** The context of a wake for held events: the hooks see it as a timer's. */
    private final class WakeContext extends KeyedProcessFunction<K, IN, OUT>.OnTimerContext {

        private final TimerService timers;
        private long watermark;

        /**
         * The operator's timers, with the watermark being released as the current one, as a timer
         * fired by it would see (the operator's own moves on only after the release).
         */
        private final TimerService clock =
                new TimerService() {
                    @Override
                    public long currentProcessingTime() {
                        return timers.currentProcessingTime();
                    }

                    @Override
                    public long currentWatermark() {
                        return watermark;
                    }

                    @Override
                    public void registerProcessingTimeTimer(long time) {
                        timers.registerProcessingTimeTimer(time);
                    }

                    @Override
                    public void registerEventTimeTimer(long time) {
                        timers.registerEventTimeTimer(time);
                    }

                    @Override
                    public void deleteProcessingTimeTimer(long time) {
                        timers.deleteProcessingTimeTimer(time);
                    }

                    @Override
                    public void deleteEventTimeTimer(long time) {
                        timers.deleteEventTimeTimer(time);
                    }
                };

        WakeContext(KeyedProcessFunction<K, IN, OUT> outer, TimerService timers) {
            outer.super();
            this.timers = timers;
        }

        @Override
        public Long timestamp() {
            return watermark;
        }

        @Override
        public TimerService timerService() {
            return clock;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            output.collect(outputTag, new StreamRecord<>(value, watermark));
        }

        @Override
        public TimeDomain timeDomain() {
            return TimeDomain.EVENT_TIME;
        }

        @SuppressWarnings("unchecked")
        @Override
        public K getCurrentKey() {
            return (K) HoldingOperator.this.getCurrentKey();
        }
    }
}
