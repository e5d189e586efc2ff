package kz.migration.monitor.job;

import java.time.Clock;
import java.time.Instant;
import kz.migration.monitor.event.DeadLetter;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.metrics.DomainMetrics;
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

    /**
     * @param fixedReceivedAt stamped on late events' dead letters, or {@code null} for the clock
     */
    public SplitDeadLetters(long horizon, Instant fixedReceivedAt) {
        this.horizon = horizon;
        this.fixedReceivedAt = fixedReceivedAt;
    }

    /**
     * Serves the domain metrics on the port in {@code MONITOR_METRICS_PORT}, once per task manager.
     */
    @Override
    public void open(org.apache.flink.api.common.functions.OpenContext openContext)
            throws Exception {
        String port = System.getenv("MONITOR_METRICS_PORT");
        if (port != null && !port.isBlank()) {
            DomainMetrics.serve(Integer.parseInt(port.trim()));
        }
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
            DomainMetrics.count("migration_late_events", 1, "stream", e.stream().topic());
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
        DomainMetrics.count("migration_events", 1, "stream", e.stream().topic());
        out.collect(e);
    }

    private static void deadLetter(DeadLetter d, Context ctx) {
        DomainMetrics.count("migration_dead_letters", 1, "stream", d.source(), "field", d.field());
        ctx.output(DEAD_LETTERS, d);
    }
}
