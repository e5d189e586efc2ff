package kz.migration.monitor.stay;

import java.io.Serializable;

/**
 * The day limits of one citizenship group.
 *
 * @param daysPerEntry uncovered days a stay may last (N)
 * @param windowMax uncovered stay days allowed in any 180 days
 */
public record StayRule(int daysPerEntry, int windowMax) implements Serializable {}
