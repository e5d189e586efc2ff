package kz.migration.monitor.flows;

import kz.migration.monitor.event.GroupCounts;

/** One place's counts for one day. */
public record DayCounts(
        GroupCounts entries,
        GroupCounts exits,
        long arrivals,
        long departures,
        long permits,
        long hires) {

    public static final DayCounts ZERO =
            new DayCounts(GroupCounts.ZERO, GroupCounts.ZERO, 0, 0, 0, 0);

    public DayCounts plus(PlaceEvent e) {
        return new DayCounts(
                e.entries() > 0 ? entries.plus(e.group(), e.entries()) : entries,
                e.exits() > 0 ? exits.plus(e.group(), e.exits()) : exits,
                arrivals + e.arrivals(),
                departures + e.departures(),
                permits + e.permits(),
                hires + e.hires());
    }

    public long netInflow() {
        return arrivals - departures;
    }
}
