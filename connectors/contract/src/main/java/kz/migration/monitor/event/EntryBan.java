package kz.migration.monitor.event;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An {@code ENTRY_BAN} reference record: the person may not enter Kazakhstan until the end of
 * {@code until}. A record whose {@code until} lies before the local date of its {@code occurredAt}
 * lifts the ban.
 *
 * <p>The contract's {@code personId} and {@code citizenship} fields are {@link #bannedSubjectRef()}
 * (the pseudonym of the {@code personId}, as on every event) and {@link #bannedCitizenship()} here:
 * like all reference data the record is about no person's own events, so {@link #subjectRef()}
 * stays {@code null} and it never reaches the operators that follow people.
 *
 * @param bannedCitizenship optional, informational
 */
public record EntryBan(
        String eventId,
        Instant occurredAt,
        String bannedSubjectRef,
        LocalDate until,
        String bannedCitizenship)
        implements ReferenceRecord {

    @Override
    public String identity() {
        return "ENTRY_BAN|" + bannedSubjectRef;
    }

    /** Of two records at one instant the earlier {@code until} stands. */
    @Override
    public long value() {
        return until.toEpochDay();
    }

    /** Whether the ban holds on {@code date}. */
    public boolean bansOn(LocalDate date) {
        return !until.isBefore(date);
    }
}
