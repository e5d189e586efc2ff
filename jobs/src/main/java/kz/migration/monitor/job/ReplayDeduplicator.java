package kz.migration.monitor.job;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.metrics.LabelledCounters;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Replay's {@link Deduplicator}: the same choice of copy (the earliest by {@link CopyOrder}, let
 * through once the watermark passes it), but an id that has passed is remembered for ever as a
 * 128-bit {@link EventFingerprint} in a {@link FingerprintSet}, and the copies waiting for the
 * watermark sit in a queue of this operator rather than in keyed state with a timer each.
 *
 * <p>What it holds is not checkpointed: only for replay, which runs without checkpoints and starts
 * again from its files. The input must be keyed by {@link EventKey} so that every copy of an id
 * reaches the same subtask.
 */
final class ReplayDeduplicator extends AbstractStreamOperator<InputEvent>
        implements OneInputStreamOperator<InputEvent, InputEvent> {

    private static final long serialVersionUID = 1L;

    /** A copy due when the watermark passes {@code timestamp}. */
    private record Due(long timestamp, EventFingerprint id) {}

    private transient FingerprintSet passed;
    private transient Map<EventFingerprint, InputEvent> pending;
    private transient PriorityQueue<Due> due;
    private transient LabelledCounters duplicates;

    private final long expectedIds;

    /** A de-duplicator for about {@code expectedIds} ids in all, spread over the subtasks. */
    ReplayDeduplicator(long expectedIds) {
        this.expectedIds = expectedIds;
    }

    @Override
    public void open() throws Exception {
        super.open();
        passed = new FingerprintSet(initialSlots());
        pending = new HashMap<>();
        due = new PriorityQueue<>((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
        duplicates = new LabelledCounters(getMetricGroup(), "migration_duplicates_total", "stream");
    }

    /**
     * Room for this subtask's share of the ids from the start (a tenth more for uneven keys): a set
     * that grows holds its old and new table at once, at the national load 768 MiB for a moment.
     */
    private int initialSlots() {
        int subtasks = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        double slots = expectedIds * 1.1 / subtasks / 0.75;
        // FingerprintSet's largest table: 2^29 slots in one long[] of 2^30.
        return (int) Math.max(1 << 16, Math.min(slots, 1 << 29));
    }

    @Override
    public void processElement(StreamRecord<InputEvent> element) {
        InputEvent e = element.getValue();
        if (e.eventId() == null) {
            output.collect(element);
            return;
        }
        EventFingerprint id = EventFingerprint.of(e);
        if (passed.contains(id.hi(), id.lo())) {
            duplicates.inc(e.stream().topic());
            return;
        }
        InputEvent p = pending.get(id);
        if (p == null || CopyOrder.EARLIEST_FIRST.compare(e, p) < 0) {
            pending.put(id, e);
            if (p == null || p.timestamp() != e.timestamp()) {
                due.add(new Due(e.timestamp(), id));
            }
        }
        if (p != null) {
            duplicates.inc(e.stream().topic());
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        long w = mark.getTimestamp();
        while (!due.isEmpty() && due.peek().timestamp() <= w) {
            Due d = due.poll();
            InputEvent p = pending.get(d.id());
            // A queued copy that an earlier one replaced finds that one here, due at another time.
            if (p != null && p.timestamp() == d.timestamp()) {
                pending.remove(d.id());
                passed.add(d.id().hi(), d.id().lo());
                output.collect(new StreamRecord<>(p, p.timestamp()));
            }
        }
        super.processWatermark(mark);
    }
}
