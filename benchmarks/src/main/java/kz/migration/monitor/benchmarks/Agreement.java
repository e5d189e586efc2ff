package kz.migration.monitor.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Whether the SQL's daily entries and exits per region equal the monitor's region rows. A monitor
 * row that counts no crossing (a day of residence events only) has no SQL row, and is equal to
 * none.
 *
 * @param compared region days in either result
 * @param differences each region day whose counts differ, as {@code day region sql monitor}
 */
public record Agreement(int compared, List<String> differences) {

    public static Agreement of(
            Map<RegionDay, EntriesExits> sql, Map<RegionDay, EntriesExits> monitor) {
        TreeSet<RegionDay> days = new TreeSet<>(sql.keySet());
        days.addAll(monitor.keySet());
        List<String> differences = new ArrayList<>();
        for (RegionDay day : days) {
            EntriesExits s = sql.getOrDefault(day, EntriesExits.NONE);
            EntriesExits m = monitor.getOrDefault(day, EntriesExits.NONE);
            if (!s.equals(m)) {
                differences.add(
                        day.date()
                                + " "
                                + day.region()
                                + " sql "
                                + s.entries()
                                + "/"
                                + s.exits()
                                + " monitor "
                                + m.entries()
                                + "/"
                                + m.exits());
            }
        }
        return new Agreement(days.size(), differences);
    }

    public boolean agrees() {
        return differences.isEmpty();
    }
}
