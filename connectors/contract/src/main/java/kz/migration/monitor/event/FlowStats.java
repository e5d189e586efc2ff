package kz.migration.monitor.event;

import java.time.LocalDate;

/**
 * One day's flows in a region ({@code city == null}) or a city: crossings at its checkpoints,
 * residence arrivals and departures, net inflow with its 7- and 30-day sums, permits and hires.
 */
public record FlowStats(
        LocalDate date,
        Region region,
        String city,
        long entries,
        long exits,
        GroupCounts entriesByGroup,
        GroupCounts exitsByGroup,
        long residenceArrivals,
        long residenceDepartures,
        long netInflow,
        long netInflow7d,
        long netInflow30d,
        long permitsIssued,
        long hires) {

    /** The Kafka key: {@code date|region|city}, with an empty city on region rows. */
    public String key() {
        return date + "|" + region.code() + "|" + (city == null ? "" : city);
    }
}
