package kz.migration.monitor.event;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A residence registration, move or deregistration.
 *
 * @param subjectRef the pseudonym of the contract's {@code personId} (HMAC-SHA256)
 * @param region region of the (new) residence
 * @param city settlement of the (new) residence, or {@code null}
 * @param previousRegion region lived in before; required for {@code RESIDENCE_CHANGE}
 * @param validUntil last lawful day; required for {@code TEMPORARY_RESIDENCE}
 * @param program relocation programme whose social contract binds the person to {@code region}
 */
public record Registration(
        String eventId,
        Instant occurredAt,
        String subjectRef,
        String citizenship,
        RegistrationKind kind,
        Region region,
        String city,
        Region previousRegion,
        String previousCity,
        LocalDate validUntil,
        Program program)
        implements InputEvent {

    @Override
    public SourceStream stream() {
        return SourceStream.REGISTRATIONS;
    }
}
