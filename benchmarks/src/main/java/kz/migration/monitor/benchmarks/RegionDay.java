package kz.migration.monitor.benchmarks;

import java.time.LocalDate;

/** A region's day: the key of a region row of {@code flow-stats}. */
public record RegionDay(LocalDate date, String region) implements Comparable<RegionDay> {

    @Override
    public int compareTo(RegionDay o) {
        int c = date.compareTo(o.date);
        return c != 0 ? c : region.compareTo(o.region);
    }
}
