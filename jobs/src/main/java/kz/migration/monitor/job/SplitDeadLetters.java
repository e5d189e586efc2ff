package kz.migration.monitor.job;

import java.time.Clock;
import java.time.Instant;
import kz.migration.monitor.event.DeadLetter;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.metrics.LabelledCounters;
import kz.migration.monitor.pipeline.IngestedRecord;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Passes valid events on and sends dead letters aside. An event that arrives after the watermark
 * has passed it (later than the allowed lateness) cannot be placed in event time any more: it
 * becomes a dead letter too, so it is never silently lost. Events after the horizon are ignored.
 */
public final class SplitDeadLetters extends ProcessFunction<IngestedRecord, InputEvent> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    private final long horizon;
    private final Instant fixedReceivedAt;
    private transient LabelledCounters events;
    private transient LabelledCounters lateEvents;
    private transient LabelledCounters deadLetters;

    /**
     * @param fixedReceivedAt stamped on late events' dead letters, or {@code null} for the clock
     */
    public SplitDeadLetters(long horizon, Instant fixedReceivedAt) {
        this.horizon = horizon;
        this.fixedReceivedAt = fixedReceivedAt;
    }

    @Override
    public void open(org.apache.flink.api.common.functions.OpenContext openContext) {
        var metrics = getRuntimeContext().getMetricGroup();
        events = new LabelledCounters(metrics, "migration_events_total", "stream");
        lateEvents = new LabelledCounters(metrics, "migration_late_events_total", "stream");
        deadLetters =
                new LabelledCounters(metrics, "migration_dead_letters_total", "stream", "field");
    }

    @Override
    public void processElement(IngestedRecord r, Context ctx, Collector<InputEvent> out) {
        if (r.deadLetter() != null) {
            deadLetter(r.deadLetter(), ctx);
            return;
        }
        InputEvent e = r.event();
        long ts = e.timestamp();
        if (ts > horizon) {
            return;
        }
        if (ts <= ctx.timerService().currentWatermark()) {
            lateEvents.inc(e.stream().topic());
            deadLetter(
                    new DeadLetter(
                            e.stream().topic(),
                            "occurredAt",
                            "occurredAt: "
                                    + e.occurredAt()
                                    + " arrived after the watermark had passed it (later than the"
                                    + " allowed lateness)",
                            r.payload(),
                            fixedReceivedAt != null
                                    ? fixedReceivedAt
                                    : Clock.systemUTC().instant()),
                    ctx);
            return;
        }
        events.inc(e.stream().topic());
        out.collect(e);
    }

    private void deadLetter(DeadLetter d, Context ctx) {
        deadLetters.inc(d.source(), d.field());
        ctx.output(DEAD_LETTERS, d);
    }
}
