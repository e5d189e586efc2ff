package kz.migration.monitor.event;

/** Direction of a border crossing. */
public enum Direction {
    ENTRY,
    EXIT
}
