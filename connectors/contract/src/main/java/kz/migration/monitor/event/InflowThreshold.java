package kz.migration.monitor.event;

import java.time.Instant;

/**
 * An {@code INFLOW_THRESHOLD} reference record: the 7-day net inflow above which a region (or, with
 * {@code city}, a city) raises {@code INFLOW_SURGE}.
 *
 * @param city settlement, or {@code null} for the region itself
 */
public record InflowThreshold(
        String eventId, Instant occurredAt, Region region, String city, long netInflow7d)
        implements ReferenceRecord {

    @Override
    public String identity() {
        return "INFLOW_THRESHOLD|"
                + region.code()
                + "|"
                + (city == null ? "" : city.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public long value() {
        return netInflow7d;
    }
}
