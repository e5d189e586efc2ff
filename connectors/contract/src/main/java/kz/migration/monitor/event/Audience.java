package kz.migration.monitor.event;

/** Who an alert is for. */
public enum Audience {
    SECURITY,
    DUTY_OFFICER,
    PLANNING
}
