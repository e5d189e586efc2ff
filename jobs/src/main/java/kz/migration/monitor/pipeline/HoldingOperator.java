package kz.migration.monitor.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.flink.api.java.tuple.Tuple2;
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
 * <p>Before each checkpoint barrier, and once {@code maxHeld} events are held, the held events go
 * into the function's state as it would have kept them, so checkpoints and savepoints hold what
 * they always did, nothing held is lost with a crash, and memory stays bounded when the watermark
 * stalls. Keys are woken in the order of their earliest held event.
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

    private final F function;
    private final int maxHeld;

    /** Held events by timestamp, each with its key, in arrival order within a timestamp. */
    private transient NavigableMap<Long, List<Held<K, IN>>> held;

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
    public void open() throws Exception {
        super.open();
        held = new TreeMap<>();
        heldCount = 0;
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
        held.computeIfAbsent(element.getTimestamp(), t -> new ArrayList<>(2))
                .add(new Held<>(key, element.getValue()));
        heldCount++;
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        release(mark.getTimestamp());
        // Then the timers of keys with nothing held (their work, and events put into state).
        super.processWatermark(mark);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        putIntoState();
        super.prepareSnapshotPreBarrier(checkpointId);
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
