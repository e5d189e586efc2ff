package kz.migration.monitor.stay;

/**
 * The days a document makes lawful, both ends included, as epoch days.
 *
 * @param document what it is: {@code visa}, {@code temporary}, {@code permanent} or {@code
 *     permit:<id>}
 * @param toDay {@link Long#MAX_VALUE} while open-ended
 */
public record CoverPeriod(String document, long fromDay, long toDay) {

    public boolean covers(long day) {
        return fromDay <= day && day <= toDay;
    }

    /** The period cut short after {@code day}, the last day it still covers. */
    public CoverPeriod endingOn(long day) {
        return new CoverPeriod(document, fromDay, Math.min(toDay, day));
    }
}
