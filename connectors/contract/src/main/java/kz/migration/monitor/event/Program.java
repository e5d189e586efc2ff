package kz.migration.monitor.event;

/** A state-supported relocation whose social contract binds the person to a region. */
public enum Program {
    KANDAS,
    RESETTLEMENT
}
