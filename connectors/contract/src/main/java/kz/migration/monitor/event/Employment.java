package kz.migration.monitor.event;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A work permit issued or revoked, or a hire or termination.
 *
 * @param subjectRef the pseudonym of the contract's {@code personId} (HMAC-SHA256)
 * @param region region of the workplace
 * @param permitId required for {@code PERMIT_ISSUED} and {@code PERMIT_REVOKED}
 * @param category required for {@code PERMIT_ISSUED}
 * @param permitUntil last day of the permit; required for {@code PERMIT_ISSUED}
 */
public record Employment(
        String eventId,
        Instant occurredAt,
        String subjectRef,
        String citizenship,
        EmploymentKind kind,
        Region region,
        String city,
        String permitId,
        PermitCategory category,
        LocalDate permitUntil,
        Sector sector,
        String employerId)
        implements InputEvent {

    @Override
    public SourceStream stream() {
        return SourceStream.EMPLOYMENT;
    }
}
