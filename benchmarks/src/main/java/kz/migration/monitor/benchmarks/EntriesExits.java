package kz.migration.monitor.benchmarks;

/** A day's valid crossings at a region's checkpoints. */
public record EntriesExits(long entries, long exits) {

    public static final EntriesExits NONE = new EntriesExits(0, 0);
}
