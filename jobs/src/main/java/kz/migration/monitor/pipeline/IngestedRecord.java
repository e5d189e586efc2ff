package kz.migration.monitor.pipeline;

import java.time.Duration;
import kz.migration.monitor.event.DeadLetter;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.json.Parsed;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * A raw input record as a source delivers it: parsed into a valid event (with its raw payload, kept
 * until the late-event check) or a dead letter.
 */
public record IngestedRecord(InputEvent event, DeadLetter deadLetter, String payload) {

    public static IngestedRecord of(Parsed<? extends InputEvent> parsed, String payload) {
        return new IngestedRecord(parsed.event(), parsed.deadLetter(), payload);
    }

    /**
     * Event-time watermarks: valid records are stamped with {@code occurredAt}; dead letters carry
     * no event time and never move the watermark.
     */
    public static WatermarkStrategy<IngestedRecord> watermarks(
            Duration lateness, Duration idleness) {
        WatermarkStrategy<IngestedRecord> s =
                WatermarkStrategy.<IngestedRecord>forBoundedOutOfOrderness(lateness)
                        .withTimestampAssigner(
                                (r, previous) ->
                                        r.event() != null ? r.event().timestamp() : Long.MIN_VALUE);
        return idleness == null || idleness.isZero() ? s : s.withIdleness(idleness);
    }
}
