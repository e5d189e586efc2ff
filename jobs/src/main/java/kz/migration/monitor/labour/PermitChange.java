package kz.migration.monitor.labour;

import java.time.Instant;
import kz.migration.monitor.event.PermitCategory;
import kz.migration.monitor.event.Region;

/**
 * A permit entering or leaving a region's active count: issued, replaced, revoked or expired.
 *
 * @param added {@code true} when the permit becomes active
 * @param year the year of the permit's issue (local date), whose quota it counts against
 * @param at when it happens; an expiry happens at the end of the permit's last day
 * @param order orders changes of one instant: expiries (0) before issues and revocations (1)
 * @param replacedBy on the removal of a permit that a {@code PERMIT_ISSUED} of the same {@code
 *     permitId} replaces: the replacing issue, else {@code null}. A replacement is one change in
 *     event time, so the quotas both count must not see utilisation dip in between.
 */
public record PermitChange(
        boolean added,
        String permitId,
        Region region,
        PermitCategory category,
        int year,
        String subjectRef,
        String citizenship,
        String eventId,
        Instant at,
        int order,
        ActivePermit replacedBy) {}
