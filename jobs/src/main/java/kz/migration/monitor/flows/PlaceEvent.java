package kz.migration.monitor.flows;

import java.time.Instant;
import kz.migration.monitor.event.CitizenshipGroup;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.SourceStream;

/**
 * What one input event means for one place (a region, or a city within it): the counts it adds to
 * that place's day, or none when it only names the place (which still fixes the spelling).
 *
 * @param spelling the city as the event wrote it, {@code null} on region places
 * @param group citizenship group of a crossing, else {@code null}
 */
public record PlaceEvent(
        Region region,
        String spelling,
        SourceStream stream,
        String eventId,
        Instant occurredAt,
        CitizenshipGroup group,
        int entries,
        int exits,
        int arrivals,
        int departures,
        int permits,
        int hires) {

    public PlaceKey placeKey() {
        return PlaceKey.of(region, spelling);
    }

    public boolean counts() {
        return entries + exits + arrivals + departures + permits + hires > 0;
    }
}
