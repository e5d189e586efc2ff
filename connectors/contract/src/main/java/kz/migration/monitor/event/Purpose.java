package kz.migration.monitor.event;

/** Declared purpose of a trip at entry. */
public enum Purpose {
    TOURISM,
    BUSINESS,
    WORK,
    STUDY,
    PRIVATE,
    TRANSIT,
    RESIDENCE,
    OTHER
}
