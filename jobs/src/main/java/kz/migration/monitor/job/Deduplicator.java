package kz.migration.monitor.job;

import java.time.Duration;
import java.util.List;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.metrics.LabelledCounters;
import kz.migration.monitor.pipeline.ReleasesHeldEvents;
import kz.migration.monitor.pipeline.types.MonitorTypes;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.TimestampedCollector;
import org.apache.flink.util.Collector;

/**
 * Lets each {@code eventId} of a stream through once (keyed by {@link EventKey}): the copy with the
 * earliest {@code occurredAt} counts (ties broken as {@link CopyOrder} says), so a copy waits until
 * the watermark passes it in case an earlier one is still on its way. An id is remembered for
 * {@code retention} of event time after its event in the streaming job (copies after that would
 * count again), and for the whole of a replay. Events without an id (reference data may have none)
 * pass straight through.
 *
 * <p>The end of an id's retention is decided when a copy comes, from its event time: a copy counts
 * again if its {@code occurredAt} lies {@code retention} or more after the event of the copy that
 * passed, whenever it arrives (a timer per id, which forgot the id when the watermark got there,
 * made copies near that instant depend on their arrival). A timer per id was nearly all of the
 * de-duplicator's timers (its copies wait in memory, {@link
 * kz.migration.monitor.pipeline.HoldingOperator}), and the read and delete when it fired two of the
 * five state accesses of an id; once the first ids expired, 20,000 of them a second put the job
 * behind at 20,000 events/s. The entries of forgotten ids are removed by the state backend instead
 * ({@link #CLEANUP_AFTER}).
 */
public final class Deduplicator extends KeyedProcessFunction<EventKey, InputEvent, InputEvent>
        implements ReleasesHeldEvents<EventKey, InputEvent, InputEvent> {

    private static final long serialVersionUID = 1L;

    /** The value of {@code passedAt} in a replay, where it is never compared: a cached Long. */
    private static final Long REMEMBERED = 0L;

    /**
     * How long after it was written (processing time) the state backend may remove an id's entry,
     * beyond its retention: RocksDB drops it in a compaction, the heap in passing. Processing time
     * is all Flink's state TTL knows, and an entry must outlive the event time of its retention: a
     * job that is stopped or behind reads ids whose event time is older than the wall clock says.
     * With a week, only a job stopped or behind by more than a week can count a copy within the
     * retention again, and the state holds at most a week of ids beyond the retention's.
     */
    static final Duration CLEANUP_AFTER = Duration.ofDays(7);

    private final long retentionMillis;
    private final long horizon;
    private transient ValueState<InputEvent> pending;
    private transient ValueState<Long> passedAt;
    private transient LabelledCounters duplicates;

    public Deduplicator(Duration retention, long horizon) {
        this.retentionMillis = retention.toMillis();
        this.horizon = horizon;
    }

    @Override
    public void open(OpenContext openContext) {
        pending =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("pending", MonitorTypes.INPUT_EVENT));
        ValueStateDescriptor<Long> passed = new ValueStateDescriptor<>("passed-at", Types.LONG);
        if (forgets()) {
            passed.enableTimeToLive(
                    StateTtlConfig.newBuilder(
                                    Duration.ofMillis(retentionMillis).plus(CLEANUP_AFTER))
                            .updateTtlOnCreateAndWrite()
                            // Whether a copy is within its id's retention is for the copy's
                            // event time to say, not the clock.
                            .returnExpiredIfNotCleanedUp()
                            .build());
        }
        passedAt = getRuntimeContext().getState(passed);
        duplicates =
                new LabelledCounters(
                        getRuntimeContext().getMetricGroup(),
                        "migration_duplicates_total",
                        "stream");
    }

    @Override
    public void processElement(InputEvent e, Context ctx, Collector<InputEvent> out)
            throws Exception {
        if (e.eventId() == null) {
            // Reference data without an id has nothing to de-duplicate. It passes through here
            // rather than around, so that every event leaves by this one operator, which the
            // per-consumer filters then chain to instead of each reading a union over the network.
            out.collect(e);
            return;
        }
        if (remembered(passedAt.value(), e.timestamp())) {
            duplicates.inc(e.stream().topic());
            return;
        }
        InputEvent p = pending.value();
        if (p == null || CopyOrder.EARLIEST_FIRST.compare(e, p) < 0) {
            pending.update(e);
            ctx.timerService().registerEventTimeTimer(e.timestamp());
        }
        if (p != null) {
            duplicates.inc(e.stream().topic());
        }
    }

    @Override
    public boolean waits(InputEvent e) {
        return e.eventId() != null;
    }

    /**
     * The copies of an id that the watermark passed, held in memory rather than in {@code pending}
     * (see {@link kz.migration.monitor.pipeline.HoldingOperator}): the earliest of them and of the
     * one in state, if any, passes, but for copies within the retention of the id's passing.
     */
    @Override
    public void releaseHeld(
            List<Tuple2<Long, InputEvent>> held,
            long watermark,
            OnTimerContext ctx,
            Collector<InputEvent> out)
            throws Exception {
        String topic = held.get(0).f1.stream().topic();
        Long passed = passedAt.value();
        InputEvent p = pending.value();
        InputEvent first = p;
        for (Tuple2<Long, InputEvent> copy : held) {
            if (remembered(passed, copy.f1.timestamp())) {
                duplicates.inc(topic);
            } else if (first == null) {
                first = copy.f1;
            } else {
                duplicates.inc(topic);
                if (CopyOrder.EARLIEST_FIRST.compare(copy.f1, first) < 0) {
                    first = copy.f1;
                }
            }
        }
        if (first == null) {
            return;
        }
        if (p != null) {
            // Its timer finds nothing pending when it fires and leaves the id as it is.
            pending.clear();
        }
        if (out instanceof TimestampedCollector<InputEvent> timestamped) {
            timestamped.setAbsoluteTimestamp(first.timestamp());
        }
        pass(first, first.timestamp(), out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<InputEvent> out)
            throws Exception {
        InputEvent p = pending.value();
        if (p != null) {
            if (p.timestamp() == timestamp) {
                pending.clear();
                pass(p, timestamp, out);
            }
            return;
        }
        // Nothing pending: a copy's timer after an earlier copy passed, or the retention timer of
        // an id remembered by a version that still set one (restored from its savepoint).
        Long passed = passedAt.value();
        if (passed != null && forgets() && timestamp >= passed + retentionMillis) {
            passedAt.clear();
        }
    }

    /**
     * Whether a copy at {@code timestamp} of an id that passed at {@code passed} (null: never) is a
     * duplicate: in a replay always, in the streaming job if it lies within the retention.
     */
    private boolean remembered(Long passed, long timestamp) {
        return passed != null && (!forgets() || timestamp < passed + retentionMillis);
    }

    /** Lets the copy {@code p} through and remembers its id. */
    private void pass(InputEvent p, long timestamp, Collector<InputEvent> out) throws Exception {
        out.collect(p);
        // A replay (finite horizon) never forgets an id: the contract's "processed once" has no
        // time limit, and a replay's watermark may pass an id's retention long before a copy
        // further down the file arrives. Only the unbounded streaming job needs to forget.
        if (forgets()) {
            passedAt.update(timestamp);
        } else {
            // Only the presence of the id matters then: one shared value rather than a Long per
            // remembered id, which is most of a replay's state.
            passedAt.update(REMEMBERED);
        }
    }

    private boolean forgets() {
        return horizon == Long.MAX_VALUE;
    }
}
