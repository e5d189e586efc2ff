package kz.migration.monitor.event;

/** How serious an alert is. */
public enum Severity {
    INFO,
    WARNING,
    MAJOR,
    CRITICAL
}
