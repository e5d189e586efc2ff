package kz.migration.monitor.event;

/** The contract's alert types with their fixed audience and, where fixed, severity. */
public enum AlertType {
    OVERSTAY(null, Audience.SECURITY, AlertDetails.Overstay.class),
    OVERSTAY_ENDED(null, Audience.SECURITY, AlertDetails.Overstay.class),
    QUOTA_WARNING(Severity.WARNING, Audience.DUTY_OFFICER, AlertDetails.Quota.class),
    QUOTA_BREACH(Severity.MAJOR, Audience.SECURITY, AlertDetails.Quota.class),
    UNAUTHORISED_EMPLOYMENT(Severity.MAJOR, Audience.SECURITY, AlertDetails.None.class),
    CONTRACT_BREACH(Severity.INFO, Audience.PLANNING, AlertDetails.Contract.class),
    INFLOW_SURGE(Severity.WARNING, Audience.PLANNING, AlertDetails.Inflow.class),
    BANNED_ENTRY(Severity.CRITICAL, Audience.SECURITY, AlertDetails.Ban.class),
    PERMIT_OUTSIDE_SHORTAGE(Severity.WARNING, Audience.DUTY_OFFICER, AlertDetails.Shortage.class);

    private final Severity severity;
    private final Audience audience;
    private final Class<? extends AlertDetails> detailsType;

    AlertType(Severity severity, Audience audience, Class<? extends AlertDetails> detailsType) {
        this.severity = severity;
        this.audience = audience;
        this.detailsType = detailsType;
    }

    /** The fixed severity, or {@code null} for overstays, whose severity follows their days. */
    public Severity fixedSeverity() {
        return severity;
    }

    public Audience audience() {
        return audience;
    }

    /** The kind of figures an alert of this type carries. */
    public Class<? extends AlertDetails> detailsType() {
        return detailsType;
    }
}
