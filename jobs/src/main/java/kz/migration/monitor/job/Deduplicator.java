package kz.migration.monitor.job;

import java.time.Duration;
import java.util.List;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.metrics.LabelledCounters;
import kz.migration.monitor.pipeline.ReleasesHeldEvents;
import kz.migration.monitor.pipeline.types.MonitorTypes;
import org.apache.flink.api.common.functions.OpenContext;
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
 */
public final class Deduplicator extends KeyedProcessFunction<EventKey, InputEvent, InputEvent>
        implements ReleasesHeldEvents<EventKey, InputEvent, InputEvent> {

    private static final long serialVersionUID = 1L;

    /** The value of {@code passedAt} in a replay, where it is never compared: a cached Long. */
    private static final Long REMEMBERED = 0L;

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
        passedAt =
                getRuntimeContext().getState(new ValueStateDescriptor<>("passed-at", Types.LONG));
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
        if (passedAt.value() != null) {
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
     * one in state, if any, passes, unless the id passed before.
     */
    @Override
    public void releaseHeld(
            List<Tuple2<Long, InputEvent>> held,
            long watermark,
            OnTimerContext ctx,
            Collector<InputEvent> out)
            throws Exception {
        String topic = held.get(0).f1.stream().topic();
        if (passedAt.value() != null) {
            for (int i = 0; i < held.size(); i++) {
                duplicates.inc(topic);
            }
            return;
        }
        InputEvent p = pending.value();
        InputEvent first = p;
        for (Tuple2<Long, InputEvent> copy : held) {
            if (first == null) {
                first = copy.f1;
            } else {
                duplicates.inc(topic);
                if (CopyOrder.EARLIEST_FIRST.compare(copy.f1, first) < 0) {
                    first = copy.f1;
                }
            }
        }
        if (p != null) {
            // Its timer finds nothing pending when it fires and leaves the id as it is.
            pending.clear();
        }
        if (out instanceof TimestampedCollector<InputEvent> timestamped) {
            timestamped.setAbsoluteTimestamp(first.timestamp());
        }
        pass(first, first.timestamp(), ctx, out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<InputEvent> out)
            throws Exception {
        // An id that passed has no copy pending (later copies are dropped on arrival), so the
        // end of its retention, most of the timers, needs one read rather than two.
        Long passed = passedAt.value();
        if (passed != null) {
            if (forgets() && timestamp >= passed + retentionMillis) {
                passedAt.clear();
            }
            return;
        }
        InputEvent p = pending.value();
        if (p != null && p.timestamp() == timestamp) {
            pending.clear();
            pass(p, timestamp, ctx, out);
        }
    }

    /** Lets the copy {@code p} through and remembers its id. */
    private void pass(InputEvent p, long timestamp, Context ctx, Collector<InputEvent> out)
            throws Exception {
        out.collect(p);
        // A replay (finite horizon) never forgets an id: the contract's "processed once" has no
        // time limit, and a replay's watermark may pass an id's retention long before a copy
        // further down the file arrives. Only the unbounded streaming job needs to forget.
        if (forgets()) {
            passedAt.update(timestamp);
            ctx.timerService().registerEventTimeTimer(timestamp + retentionMillis);
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
