package kz.migration.monitor.stay;

import java.time.Instant;
import java.time.LocalDate;
import kz.migration.monitor.event.KazakhstanTime;
import kz.migration.monitor.event.Region;

/** A work permit a person holds: active from its issue to the end of its last day. */
public record Permit(String permitId, Region region, Instant issuedAt, LocalDate until) {

    public boolean activeAt(Instant t) {
        return !issuedAt.isAfter(t) && !KazakhstanTime.dateOf(t).isAfter(until);
    }
}
