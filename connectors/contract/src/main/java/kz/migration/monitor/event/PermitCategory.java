package kz.migration.monitor.event;

/** The national work-permit quota categories. */
public enum PermitCategory {
    CAT1,
    CAT2,
    CAT3,
    CAT4,
    SEASONAL
}
