package kz.migration.monitor.stay;

/**
 * Everything {@link PersonMonitor} keeps of one person, as one state value: a person's event reads
 * it once and writes it back at most once, where four values read several times each made keyed
 * state the monitor's largest cost (one look-up, and on RocksDB one serialization, each).
 *
 * @param stay the stays and the 180-day window, {@code null} when there is nothing to remember
 * @param documents what covers the person's days, {@code null} when they hold nothing
 * @param contract the relocation contract that binds them now, if any
 * @param wakeUp the instant of the person's scheduled wake-up, if any
 */
public record PersonFile(
        StayLedger stay, PersonDocuments documents, RelocationContract contract, Long wakeUp) {

    /** Nothing known: the state of a person the monitor does not keep. */
    public static final PersonFile EMPTY = new PersonFile(null, null, null, null);

    public boolean isEmpty() {
        return stay == null && documents == null && contract == null && wakeUp == null;
    }
}
