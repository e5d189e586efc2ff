package kz.migration.monitor.event;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A person crossing the border at a checkpoint.
 *
 * @param subjectRef the pseudonym of the contract's {@code personId} (HMAC-SHA256)
 * @param city settlement of the checkpoint, trimmed, or {@code null}
 * @param purpose declared purpose, or {@code null}
 * @param permitUntil last day of a visa or permit presented at entry, or {@code null}
 */
public record BorderCrossing(
        String eventId,
        Instant occurredAt,
        String subjectRef,
        String citizenship,
        Direction direction,
        String checkpoint,
        Region region,
        String city,
        Purpose purpose,
        LocalDate permitUntil)
        implements InputEvent {

    @Override
    public SourceStream stream() {
        return SourceStream.BORDER_CROSSINGS;
    }
}
