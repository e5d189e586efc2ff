package kz.migration.monitor.event;

/** Economic sector of a workplace. */
public enum Sector {
    CONSTRUCTION,
    AGRICULTURE,
    MINING,
    MANUFACTURING,
    SERVICES,
    IT,
    HEALTH,
    EDUCATION,
    OTHER
}
