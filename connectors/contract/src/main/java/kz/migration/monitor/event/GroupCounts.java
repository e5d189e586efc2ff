package kz.migration.monitor.event;

/** Counts by citizenship group; written out as {@code {"KAZ": n, "CIS": n, "OTHER": n}}. */
public record GroupCounts(long kaz, long cis, long other) {

    public static final GroupCounts ZERO = new GroupCounts(0, 0, 0);

    public GroupCounts plus(CitizenshipGroup group, long n) {
        return switch (group) {
            case KAZ -> new GroupCounts(kaz + n, cis, other);
            case CIS -> new GroupCounts(kaz, cis + n, other);
            case OTHER -> new GroupCounts(kaz, cis, other + n);
        };
    }

    public long get(CitizenshipGroup group) {
        return switch (group) {
            case KAZ -> kaz;
            case CIS -> cis;
            case OTHER -> other;
        };
    }

    public long total() {
        return kaz + cis + other;
    }
}
