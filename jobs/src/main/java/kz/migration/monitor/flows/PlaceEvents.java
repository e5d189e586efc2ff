package kz.migration.monitor.flows;

import java.util.Locale;
import kz.migration.monitor.event.BorderCrossing;
import kz.migration.monitor.event.CitizenshipGroup;
import kz.migration.monitor.event.Direction;
import kz.migration.monitor.event.Employment;
import kz.migration.monitor.event.EmploymentKind;
import kz.migration.monitor.event.InflowThreshold;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.Registration;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Splits each input event into what it means for each place it names: crossings count at the
 * checkpoint's region and city, registrations as arrivals and departures (a move at each level
 * where the two places differ), permits and hires at the workplace.
 */
public final class PlaceEvents implements FlatMapFunction<InputEvent, PlaceInput> {

    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(InputEvent event, Collector<PlaceInput> out) {
        if (event instanceof BorderCrossing c) {
            boolean entry = c.direction() == Direction.ENTRY;
            CitizenshipGroup g = CitizenshipGroup.of(c.citizenship());
            both(out, c, c.region(), c.city(), g, entry ? 1 : 0, entry ? 0 : 1, 0, 0, 0, 0);
        } else if (event instanceof Registration r) {
            registration(r, out);
        } else if (event instanceof Employment e) {
            int permits = e.kind() == EmploymentKind.PERMIT_ISSUED ? 1 : 0;
            int hires = e.kind() == EmploymentKind.HIRED ? 1 : 0;
            both(out, e, e.region(), e.city(), null, 0, 0, 0, 0, permits, hires);
        } else if (event instanceof InflowThreshold t) {
            out.collect(PlaceInput.of(t));
        }
    }

    private static void registration(Registration r, Collector<PlaceInput> out) {
        switch (r.kind()) {
            case TEMPORARY_RESIDENCE, PERMANENT_RESIDENCE ->
                    both(out, r, r.region(), r.city(), null, 0, 0, 1, 0, 0, 0);
            case DEREGISTRATION -> both(out, r, r.region(), r.city(), null, 0, 0, 0, 1, 0, 0);
            case RESIDENCE_CHANGE -> {
                boolean regionMove = r.previousRegion() != r.region();
                emit(out, r, r.previousRegion(), null, null, 0, 0, 0, regionMove ? 1 : 0, 0, 0);
                emit(out, r, r.region(), null, null, 0, 0, regionMove ? 1 : 0, 0, 0, 0);
                boolean cityMove = regionMove || !lower(r.city()).equals(lower(r.previousCity()));
                if (r.previousCity() != null) {
                    emit(
                            out,
                            r,
                            r.previousRegion(),
                            r.previousCity(),
                            null,
                            0,
                            0,
                            0,
                            cityMove ? 1 : 0,
                            0,
                            0);
                }
                if (r.city() != null) {
                    emit(out, r, r.region(), r.city(), null, 0, 0, cityMove ? 1 : 0, 0, 0, 0);
                }
            }
        }
    }

    private static String lower(String city) {
        return city == null ? "" : city.toLowerCase(Locale.ROOT);
    }

    private static void both(
            Collector<PlaceInput> out,
            InputEvent e,
            Region region,
            String city,
            CitizenshipGroup g,
            int entries,
            int exits,
            int arrivals,
            int departures,
            int permits,
            int hires) {
        emit(out, e, region, null, g, entries, exits, arrivals, departures, permits, hires);
        if (city != null) {
            emit(out, e, region, city, g, entries, exits, arrivals, departures, permits, hires);
        }
    }

    private static void emit(
            Collector<PlaceInput> out,
            InputEvent e,
            Region region,
            String city,
            CitizenshipGroup g,
            int entries,
            int exits,
            int arrivals,
            int departures,
            int permits,
            int hires) {
        out.collect(
                PlaceInput.of(
                        new PlaceEvent(
                                region,
                                city,
                                e.stream(),
                                e.eventId(),
                                e.occurredAt(),
                                g,
                                entries,
                                exits,
                                arrivals,
                                departures,
                                permits,
                                hires)));
    }
}
