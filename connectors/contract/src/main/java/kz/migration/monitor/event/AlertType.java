package kz.migration.monitor.event;

/** The contract's alert types with their fixed audience and, where fixed, severity. */
public enum AlertType {
    OVERSTAY(null, Audience.SECURITY),
    OVERSTAY_ENDED(null, Audience.SECURITY),
    QUOTA_WARNING(Severity.WARNING, Audience.DUTY_OFFICER),
    QUOTA_BREACH(Severity.MAJOR, Audience.SECURITY),
    UNAUTHORISED_EMPLOYMENT(Severity.MAJOR, Audience.SECURITY),
    CONTRACT_BREACH(Severity.INFO, Audience.PLANNING),
    INFLOW_SURGE(Severity.WARNING, Audience.PLANNING);

    private final Severity severity;
    private final Audience audience;

    AlertType(Severity severity, Audience audience) {
        this.severity = severity;
        this.audience = audience;
    }

    /** The fixed severity, or {@code null} for overstays, whose severity follows their days. */
    public Severity fixedSeverity() {
        return severity;
    }

    public Audience audience() {
        return audience;
    }
}
