package kz.migration.monitor.labour;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.AlertDetails;
import kz.migration.monitor.event.AlertType;
import kz.migration.monitor.event.Employment;
import kz.migration.monitor.event.EmploymentKind;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.KazakhstanTime;
import kz.migration.monitor.event.LabourShortage;
import kz.migration.monitor.event.Sector;
import kz.migration.monitor.metrics.AlertCounter;
import kz.migration.monitor.pipeline.EventTimeOrderedFunction;
import kz.migration.monitor.pipeline.types.MonitorTypes;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;

/**
 * A region's labour-shortage list (keyed by region code, {@link #regionOf}) and the permits issued
 * outside it: {@code PERMIT_OUTSIDE_SHORTAGE} for every {@code PERMIT_ISSUED} in a region that has
 * a {@code SHORTAGE} record for the year of the issue's local date, when no {@code open: true}
 * record in force lists the permit's sector (absent: {@code OTHER}). A region without records for
 * that year is not checked.
 *
 * <p>The list of a year is forgotten when the year is over: permits are checked against the year in
 * which they are issued.
 */
public final class ShortageCheck extends EventTimeOrderedFunction<String, InputEvent, Alert> {

    private static final long serialVersionUID = 1L;

    /** The identity of a shortage record within its region. */
    public record SectorYear(int year, String sector) {}

    /** The record in force: whether the sector is short of labour, and since when. */
    public record Listing(boolean open, long setAt) {}

    private transient AlertCounter alerts;
    private transient MapState<SectorYear, Listing> listings;

    public ShortageCheck(long horizon) {
        super(MonitorTypes.INPUT_EVENT, horizon);
    }

    /** What this function reads: shortage records and permit issues. */
    public static boolean reads(InputEvent e) {
        return e instanceof LabourShortage
                || (e instanceof Employment em && em.kind() == EmploymentKind.PERMIT_ISSUED);
    }

    /** The key: the region of the record or of the workplace. */
    public static String regionOf(InputEvent e) {
        return (e instanceof LabourShortage s ? s.region() : ((Employment) e).region()).code();
    }

    @Override
    protected void openState(OpenContext openContext) {
        alerts = new AlertCounter(getRuntimeContext().getMetricGroup());
        listings =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "shortage-listings",
                                        TypeInformation.of(SectorYear.class),
                                        TypeInformation.of(Listing.class)));
    }

    @Override
    protected Comparator<InputEvent> order() {
        return InputEvent.PROCESSING_ORDER;
    }

    @Override
    protected void onEvent(InputEvent event, long timestamp, Context ctx, Collector<Alert> out)
            throws Exception {
        if (event instanceof LabourShortage s) {
            onListing(s, timestamp, ctx);
        } else if (event instanceof Employment issue) {
            onIssue(issue, out);
        }
    }

    private void onListing(LabourShortage s, long timestamp, Context ctx) throws Exception {
        SectorYear key = new SectorYear(s.year(), s.sector().name());
        Listing previous = listings.get(key);
        boolean open = s.open();
        if (previous != null && previous.setAt() == timestamp) {
            open = open && previous.open();
        }
        listings.put(key, new Listing(open, timestamp));
        scheduleAt(ctx, KazakhstanTime.startOf(LocalDate.of(s.year() + 1, 1, 1)).toEpochMilli());
    }

    private void onIssue(Employment issue, Collector<Alert> out) throws Exception {
        int year = KazakhstanTime.dateOf(issue.occurredAt()).getYear();
        Sector sector = issue.sector() == null ? Sector.OTHER : issue.sector();
        if (!hasListFor(year)) {
            return;
        }
        Listing listing = listings.get(new SectorYear(year, sector.name()));
        if (listing != null && listing.open()) {
            return;
        }
        String subjectRef = issue.subjectRef();
        Alert alert =
                Alert.builder(AlertType.PERMIT_OUTSIDE_SHORTAGE)
                        .raisedAt(issue.occurredAt())
                        .subjectRef(subjectRef)
                        .region(issue.region())
                        .city(issue.city())
                        .citizenship(issue.citizenship())
                        .details(new AlertDetails.Shortage(year, sector, issue.permitId()))
                        .identity(issue.permitId() + "|" + issue.eventId())
                        .build();
        alerts.count(alert);
        out.collect(alert);
    }

    private boolean hasListFor(int year) throws Exception {
        for (SectorYear k : listings.keys()) {
            if (k.year() == year) {
                return true;
            }
        }
        return false;
    }

    /** At the start of a year, forgets the lists of the years before it. */
    @Override
    protected void onTime(long timestamp, OnTimerContext ctx, Collector<Alert> out)
            throws Exception {
        int year = KazakhstanTime.dateOf(timestamp).getYear();
        List<SectorYear> over = new ArrayList<>();
        for (SectorYear k : listings.keys()) {
            if (k.year() < year) {
                over.add(k);
            }
        }
        for (SectorYear k : over) {
            listings.remove(k);
        }
    }
}
