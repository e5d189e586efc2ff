package kz.migration.monitor.event;

/** What a residence registration records. */
public enum RegistrationKind {
    TEMPORARY_RESIDENCE,
    PERMANENT_RESIDENCE,
    RESIDENCE_CHANGE,
    DEREGISTRATION
}
