package kz.migration.monitor.event;

/** What an employment event records. */
public enum EmploymentKind {
    PERMIT_ISSUED,
    PERMIT_REVOKED,
    HIRED,
    TERMINATED
}
