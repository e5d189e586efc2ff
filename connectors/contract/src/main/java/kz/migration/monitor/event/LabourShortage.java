package kz.migration.monitor.event;

import java.time.Instant;

/**
 * A {@code SHORTAGE} reference record: whether {@code sector} of {@code region} is short of labour
 * in {@code year}, which is where foreign labour is admitted.
 */
public record LabourShortage(
        String eventId, Instant occurredAt, int year, Region region, Sector sector, boolean open)
        implements ReferenceRecord {

    @Override
    public String identity() {
        return "SHORTAGE|" + year + "|" + region.code() + "|" + sector.name();
    }

    /** Of two records at one instant {@code open: false} stands. */
    @Override
    public long value() {
        return open ? 1 : 0;
    }
}
