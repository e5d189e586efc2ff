package kz.migration.monitor.event;

import java.time.Instant;
import java.util.Comparator;

/** A valid record of one of the input streams. */
public sealed interface InputEvent
        permits BorderCrossing, Registration, Employment, ReferenceRecord {

    /**
     * The contract's processing order: event time, then stream (reference data first), then {@code
     * eventId}. Operators that buffer events apply them in this order, which makes results
     * independent of arrival order.
     */
    Comparator<InputEvent> PROCESSING_ORDER =
            Comparator.comparing(InputEvent::occurredAt)
                    .thenComparing(InputEvent::stream)
                    .thenComparing(e -> e.eventId() == null ? "" : e.eventId());

    SourceStream stream();

    /** Unique within the stream; may be {@code null} on reference data only. */
    String eventId();

    Instant occurredAt();

    /**
     * The pseudonym of the record's {@code personId}: the lowercase hex HMAC-SHA256 computed by the
     * parser. The raw identifier never gets past parsing. {@code null} on reference data.
     */
    String subjectRef();

    /** {@code null} on reference data. */
    String citizenship();

    /** Event time in epoch milliseconds, as Flink timestamps it. */
    default long timestamp() {
        return occurredAt().toEpochMilli();
    }
}
