package kz.migration.monitor.flows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.AlertDetails;
import kz.migration.monitor.event.AlertType;
import kz.migration.monitor.event.FlowStats;
import kz.migration.monitor.event.InflowThreshold;
import kz.migration.monitor.event.KazakhstanTime;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.metrics.AlertCounter;
import kz.migration.monitor.metrics.DomainGauges;
import kz.migration.monitor.metrics.GaugeChange;
import kz.migration.monitor.metrics.GaugeSeries;
import kz.migration.monitor.metrics.LabelledCounters;
import kz.migration.monitor.pipeline.EventTimeOrderedFunction;
import kz.migration.monitor.pipeline.types.MonitorTypes;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * One place's daily flows (keyed by {@link PlaceKey}): at the end of each day with counted events
 * it writes a {@link FlowStats} row with the 7- and 30-day net inflow, and it raises {@code
 * INFLOW_SURGE} when the 7-day net inflow first exceeds the place's threshold, evaluating quiet
 * days too. It also writes alerts naming a city in the place with the city's first spelling.
 *
 * <p>A day after the horizon (the as-of instant of a replay) is written as counted so far and does
 * not end: no surge is evaluated for it.
 *
 * <p>A place sees thousands of events a day, all applied in the wakes of its one key: the spelling,
 * the last active day and the counts of the day being counted are read once a wake, kept in memory
 * while its events are applied, and written back at its end, rather than read and written once per
 * event.
 */
public final class PlaceLedger extends EventTimeOrderedFunction<PlaceKey, PlaceInput, Alert> {

    private static final long serialVersionUID = 1L;

    /** Side output of the daily rows; the main output carries alerts. */
    public static final OutputTag<FlowStats> FLOW_STATS =
            new OutputTag<>("flow-stats", MonitorTypes.of(FlowStats.class));

    private final Map<Region, Long> defaultThresholds;

    private transient ValueState<String> spelling;
    private transient MapState<Long, DayCounts> days;
    private transient ValueState<Long> threshold;
    private transient ValueState<Long> thresholdSetAt;
    private transient ValueState<Boolean> above;
    private transient ValueState<Long> lastActiveDay;
    private transient AlertCounter alerts;
    private transient LabelledCounters crossings;

    /** Within a wake: the state values above as they stand, and whether they changed. */
    private transient String spellingNow;

    private transient Long lastActiveNow;
    private transient boolean spellingChanged;
    private transient boolean lastActiveChanged;

    /** Within a wake: the day whose counts are held here (if any), not yet in {@code days}. */
    private transient long countedDay = Long.MIN_VALUE;

    private transient DayCounts countedSoFar;

    public PlaceLedger(Map<Region, Long> defaultThresholds, long horizon) {
        super(PlaceInput.TYPE, horizon);
        this.defaultThresholds = Map.copyOf(defaultThresholds);
    }

    @Override
    protected void openState(OpenContext openContext) {
        var rc = getRuntimeContext();
        spelling = rc.getState(new ValueStateDescriptor<>("spelling", Types.STRING));
        days =
                rc.getMapState(
                        new MapStateDescriptor<>(
                                "days", Types.LONG, TypeInformation.of(DayCounts.class)));
        threshold = rc.getState(new ValueStateDescriptor<>("threshold", Types.LONG));
        thresholdSetAt = rc.getState(new ValueStateDescriptor<>("threshold-set-at", Types.LONG));
        above = rc.getState(new ValueStateDescriptor<>("above", Types.BOOLEAN));
        lastActiveDay = rc.getState(new ValueStateDescriptor<>("last-active-day", Types.LONG));
        alerts = new AlertCounter(rc.getMetricGroup());
        crossings =
                new LabelledCounters(
                        rc.getMetricGroup(),
                        "migration_crossings_total",
                        "region",
                        "direction",
                        "group");
    }

    @Override
    protected Comparator<PlaceInput> order() {
        return PlaceInput.ORDER;
    }

    @Override
    protected void startWake(OnTimerContext ctx) throws Exception {
        spellingNow = spelling.value();
        lastActiveNow = lastActiveDay.value();
        spellingChanged = false;
        lastActiveChanged = false;
        countedDay = Long.MIN_VALUE;
        countedSoFar = null;
    }

    @Override
    protected void endWake(OnTimerContext ctx) throws Exception {
        writeCountedDay();
        if (spellingChanged) {
            spelling.update(spellingNow);
        }
        if (lastActiveChanged) {
            lastActiveDay.update(lastActiveNow);
        }
    }

    /** Writes the counts held in memory to {@code days}. */
    private void writeCountedDay() throws Exception {
        if (countedSoFar != null) {
            days.put(countedDay, countedSoFar);
            countedSoFar = null;
            countedDay = Long.MIN_VALUE;
        }
    }

    private void spellFirstAs(String spelling) {
        if (spellingNow == null && spelling != null) {
            spellingNow = spelling;
            spellingChanged = true;
        }
    }

    @Override
    protected void onEvent(PlaceInput in, long timestamp, Context ctx, Collector<Alert> out)
            throws Exception {
        if (in.alert() != null) {
            String city = spellingNow;
            out.collect(city == null ? in.alert() : in.alert().withCity(city));
            return;
        }
        if (in.threshold() != null) {
            onThreshold(in.threshold());
            return;
        }
        PlaceEvent e = in.event();
        spellFirstAs(e.spelling());
        if (!e.counts()) {
            return;
        }
        long day = KazakhstanTime.dateOf(e.occurredAt()).toEpochDay();
        if (day != countedDay) {
            writeCountedDay();
            DayCounts stored = days.get(day);
            countedDay = day;
            countedSoFar = stored == null ? DayCounts.ZERO : stored;
        }
        countedSoFar = countedSoFar.plus(e);
        if (lastActiveNow == null || lastActiveNow < day) {
            lastActiveNow = day;
            lastActiveChanged = true;
        }
        // Even after the horizon: the day that contains it is still written, as counted so far.
        scheduleEvenAfterHorizonAt(ctx, KazakhstanTime.endMillisOf(LocalDate.ofEpochDay(day)));
        if (e.spelling() == null) {
            countCrossings(e);
        }
    }

    private void onThreshold(InflowThreshold t) throws Exception {
        long at = t.occurredAt().toEpochMilli();
        Long setAt = thresholdSetAt.value();
        long value = t.netInflow7d();
        if (setAt != null && setAt == at) {
            value = Math.min(value, threshold.value());
        }
        threshold.update(value);
        thresholdSetAt.update(at);
        spellFirstAs(t.city());
    }

    @Override
    protected void onTime(long timestamp, OnTimerContext ctx, Collector<Alert> out)
            throws Exception {
        // Only ends of days are scheduled.
        writeCountedDay();
        LocalDate date = KazakhstanTime.dateOf(timestamp - 1);
        long day = date.toEpochDay();
        PlaceKey key = ctx.getCurrentKey();
        Region region = key.region();
        String city = key.isRegion() ? null : spellingNow;
        long net7 = netInflowOver(day, 7);
        DayCounts today = days.get(day);
        if (today != null) {
            FlowStats row =
                    new FlowStats(
                            date,
                            region,
                            city,
                            today.entries().total(),
                            today.exits().total(),
                            today.entries(),
                            today.exits(),
                            today.arrivals(),
                            today.departures(),
                            today.netInflow(),
                            net7,
                            netInflowOver(day, 30),
                            today.permits(),
                            today.hires());
            ctx.output(FLOW_STATS, row);
            trackNetInflow(ctx, region, city, "1d", row.netInflow());
            trackNetInflow(ctx, region, city, "7d", row.netInflow7d());
            trackNetInflow(ctx, region, city, "30d", row.netInflow30d());
        }
        if (timestamp > horizon) {
            return;
        }
        evaluateSurge(region, city, date, net7, out);
        java.util.List<Long> old = new java.util.ArrayList<>();
        for (Long d : days.keys()) {
            if (d <= day - 29) {
                old.add(d);
            }
        }
        for (Long d : old) {
            days.remove(d);
        }
        Long last = lastActiveNow;
        if (last != null && day < last + 7) {
            scheduleAt(ctx, KazakhstanTime.endMillisOf(date.plusDays(1)));
        }
    }

    private void evaluateSurge(
            Region region, String city, LocalDate date, long net7, Collector<Alert> out)
            throws Exception {
        Long limit = threshold.value();
        if (limit == null && city == null) {
            limit = defaultThresholds.get(region);
        }
        if (limit == null || net7 <= limit) {
            above.clear();
            return;
        }
        if (above.value() == null) {
            above.update(true);
            Instant raisedAt = KazakhstanTime.endOf(date);
            Alert alert =
                    Alert.builder(AlertType.INFLOW_SURGE)
                            .raisedAt(raisedAt)
                            .region(region)
                            .city(city)
                            .details(new AlertDetails.Inflow(net7, limit))
                            .identity(
                                    region.code()
                                            + "|"
                                            + (city == null
                                                    ? ""
                                                    : city.toLowerCase(java.util.Locale.ROOT))
                                            + "|"
                                            + date)
                            .build();
            alerts.count(alert);
            out.collect(alert);
        }
    }

    private long netInflowOver(long day, int length) throws Exception {
        long sum = 0;
        for (long d = day - length + 1; d <= day; d++) {
            DayCounts c = days.get(d);
            if (c != null) {
                sum += c.netInflow();
            }
        }
        return sum;
    }

    private void countCrossings(PlaceEvent e) {
        // An event may be a sum of crossings (PlaceEventCombiner), in both directions.
        if (e.entries() > 0) {
            crossings.add(e.entries(), e.region().code(), "ENTRY", e.group().name());
        }
        if (e.exits() > 0) {
            crossings.add(e.exits(), e.region().code(), "EXIT", e.group().name());
        }
    }

    /** Sets {@code migration_net_inflow} of the place ({@code city=""} for the region's series). */
    private static void trackNetInflow(
            Context ctx, Region region, String city, String window, long netInflow) {
        GaugeSeries series =
                GaugeSeries.of(
                        "migration_net_inflow",
                        "region",
                        region.code(),
                        "city",
                        city == null ? "" : city,
                        "window",
                        window);
        ctx.output(DomainGauges.CHANGES, GaugeChange.set(series, netInflow));
    }
}
