package kz.migration.monitor.stay;

/**
 * A person's one state entry in {@link PersonMonitor}: what it keeps of the person and, beside it,
 * the key's schedule of the event-time order ({@link
 * kz.migration.monitor.pipeline.EventTimeOrderedFunction#loadSchedule}). Apart, they were two point
 * reads at every wake of a person, a third of the operator's time with RocksDB.
 *
 * @param person what is known of the person, {@link PersonFile#EMPTY} when nothing
 * @param schedule the key's schedule in its stored form, {@code null} while it has none
 */
public record PersonEntry(PersonFile person, long[] schedule) {

    /** Nothing kept: the entry of a person the monitor does not keep. */
    public static final PersonEntry EMPTY = new PersonEntry(PersonFile.EMPTY, null);

    public boolean isEmpty() {
        return person.isEmpty() && schedule == null;
    }

    PersonEntry withPerson(PersonFile p) {
        return new PersonEntry(p, schedule);
    }

    PersonEntry withSchedule(long[] s) {
        return new PersonEntry(person, s);
    }
}
