package kz.migration.monitor.pipeline;

import java.util.Arrays;

/**
 * What a key of an {@link EventTimeOrderedFunction} has pending, kept as one state value so that a
 * wake reads one entry and writes at most one: with RocksDB each entry is a point read, and a key's
 * timer instant, its scheduled work and whether events wait in its list were three of them.
 *
 * <p>A key has a schedule exactly while it has a timer: it has work scheduled or events waiting in
 * state, or both. It is stored as a {@code long[]} (Flink's primitive array serializer): the timer
 * instant, then 1 if events may wait in state (0 if not), then the instants of the work.
 *
 * @param wakeAt the instant of the key's one timer
 * @param eventsWaiting whether events may wait in the key's list; false only when none do
 * @param work the instants with work scheduled, ascending and distinct
 */
record Schedule(long wakeAt, boolean eventsWaiting, long[] work) {

    private static final int HEADER = 2;

    /** The schedule stored as {@code stored}; {@code null} for none. */
    static Schedule of(long[] stored) {
        if (stored == null) {
            return null;
        }
        if (stored.length < HEADER) {
            throw new IllegalStateException(
                    "a stored schedule has at least " + HEADER + " values, not " + stored.length);
        }
        return new Schedule(
                stored[0], stored[1] != 0, Arrays.copyOfRange(stored, HEADER, stored.length));
    }

    /** This schedule in its stored form. */
    long[] stored() {
        long[] s = new long[HEADER + work.length];
        s[0] = wakeAt;
        s[1] = eventsWaiting ? 1 : 0;
        System.arraycopy(work, 0, s, HEADER, work.length);
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schedule other
                && wakeAt == other.wakeAt
                && eventsWaiting == other.eventsWaiting
                && Arrays.equals(work, other.work);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(wakeAt) + Boolean.hashCode(eventsWaiting))
                + Arrays.hashCode(work);
    }

    @Override
    public String toString() {
        return "Schedule[wakeAt=%d, eventsWaiting=%b, work=%s]"
                .formatted(wakeAt, eventsWaiting, Arrays.toString(work));
    }
}
