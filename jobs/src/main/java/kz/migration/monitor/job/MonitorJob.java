package kz.migration.monitor.job;

import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.DeadLetter;
import kz.migration.monitor.event.Employment;
import kz.migration.monitor.event.EmploymentKind;
import kz.migration.monitor.event.FlowMatrixRow;
import kz.migration.monitor.event.FlowStats;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.QuotaLimit;
import kz.migration.monitor.event.Registration;
import kz.migration.monitor.flows.FlowMatrix;
import kz.migration.monitor.flows.PlaceEventCombiner;
import kz.migration.monitor.flows.PlaceEvents;
import kz.migration.monitor.flows.PlaceInput;
import kz.migration.monitor.flows.PlaceKey;
import kz.migration.monitor.flows.PlaceLedger;
import kz.migration.monitor.labour.PermitChange;
import kz.migration.monitor.labour.PermitRegistry;
import kz.migration.monitor.labour.QuotaInput;
import kz.migration.monitor.labour.QuotaLedger;
import kz.migration.monitor.labour.ShortageCheck;
import kz.migration.monitor.metrics.DomainGauges;
import kz.migration.monitor.pipeline.EventTimeOrderedFunction;
import kz.migration.monitor.pipeline.HoldingOperator;
import kz.migration.monitor.pipeline.IngestedRecord;
import kz.migration.monitor.pipeline.types.MonitorTypes;
import kz.migration.monitor.stay.BannedSubjects;
import kz.migration.monitor.stay.EntryBanCheck;
import kz.migration.monitor.stay.PersonMonitor;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;

/**
 * The monitor's dataflow, shared by the streaming job ({@code run}, {@code demo}) and {@code
 * replay}: parse results in, alerts, daily flow statistics, the move matrix and dead letters out.
 *
 * <pre>
 * records ─ split ─┬─ dedup ─┬─ by person ── PersonMonitor ─────────────────────────┐
 *                  │         ├─ by person ── EntryBanCheck (bans, entries) ───────────┤
 *                  │         ├─ by region ── ShortageCheck (lists, permit issues) ────┤
 *                  │         ├─ by permit ── PermitRegistry ─ by region ─ QuotaLedger ┤ alerts
 *                  │         ├─ by place ─── PlaceLedger ◄── alerts naming a city ────┘
 *                  │         │                 └ flow-stats, INFLOW_SURGE, alerts spelled as first seen
 *                  │         └─ by region pair ─ daily window ─ flow-matrix
 *                  └─ dead letters (invalid and late records)
 * </pre>
 *
 * <p>Replay has no dedup operator: its sources skip the losing copies its first pass found. In
 * BATCH mode the place events of a place and day are summed before their shuffle ({@link
 * PlaceEventCombiner}). Outside BATCH mode the event-time ordered operators, and the streaming
 * job's de-duplicator, hold the events that wait for the watermark in memory ({@link
 * HoldingOperator}).
 *
 * <p>PersonMonitor, QuotaLedger and PlaceLedger also send gauge changes to one {@code DomainGauges}
 * subtask, which holds the domain gauges (people present, overstays, permits, quotas, net inflow)
 * in checkpointed state; replay, whose gauges nobody scrapes, has no such subtask.
 */
public final class MonitorJob {

    private MonitorJob() {}

    /**
     * Builds the dataflow from the parsed input records (timestamped, with watermarks) to the
     * sinks.
     */
    public static void defineWorkflow(
            DataStream<IngestedRecord> records, MonitorSinks sinks, MonitorSettings settings) {
        defineWorkflow(records, sinks, settings, false, BannedSubjects.ANYONE);
    }

    /**
     * As above; {@code replay}'s records are de-duplicated already, by its sources ({@link
     * LosingCopies}), and pass on without a {@link Deduplicator}: only for files read whole. Only
     * the entries of the {@code banned} reach the entry-ban check: in a replay, whose files name
     * every ban there will be, those of the persons they name.
     */
    static void defineWorkflow(
            DataStream<IngestedRecord> records,
            MonitorSinks sinks,
            MonitorSettings settings,
            boolean replay,
            BannedSubjects banned) {
        long horizon = settings.horizonMillis();
        // BATCH mode sorts each keyed input by key and timestamp (replay may run so) and moves the
        // watermark only at a key's end. The operators keyed by region then let their waiting
        // events through once IN_ORDER_MAX_WAITING wait, so that they never hold a region's whole
        // history; a person's or a permit's own records are few. Persons are keyed by the 32
        // bytes of their subjectRef there: a key of fixed length sorts faster. Place events are
        // summed per place and day before their shuffle, so their sort holds sums, not crossings.
        boolean sorted =
                records.getExecutionEnvironment()
                                .getConfiguration()
                                .get(ExecutionOptions.RUNTIME_MODE)
                        == RuntimeExecutionMode.BATCH;
        TypeInformation<InputEvent> eventType = MonitorTypes.INPUT_EVENT;
        TypeInformation<Alert> alertType = MonitorTypes.ALERT;

        SingleOutputStreamOperator<InputEvent> valid =
                records.process(new SplitDeadLetters(horizon, settings.fixedReceivedAt()))
                        .returns(eventType)
                        .uid("split-dead-letters")
                        .name("Split dead letters and late events");
        DataStream<DeadLetter> deadLetters = valid.getSideOutput(SplitDeadLetters.DEAD_LETTERS);

        DataStream<InputEvent> events =
                replay
                        ? valid
                        : valid.keyBy(EventKey::of, EventKey.TYPE)
                                .transform(
                                        "Drop duplicate eventIds",
                                        eventType,
                                        new HoldingOperator<>(
                                                new Deduplicator(
                                                        settings.dedupRetention(), horizon),
                                                EVENTS_HELD))
                                .uid("deduplicate")
                                .name("Drop duplicate eventIds");

        SingleOutputStreamOperator<Alert> personAlerts =
                events.filter(e -> e.subjectRef() != null)
                        .uid("person-events")
                        .name("Person events")
                        .keyBy(
                                InputEvent::subjectRef,
                                sorted ? MonitorTypes.SUBJECT_REF_KEY : Types.STRING)
                        .transform(
                                "Stays, hires and relocation contracts",
                                alertType,
                                ordered(
                                        new PersonMonitor(
                                                settings.stayRules(),
                                                settings.contractYears(),
                                                horizon),
                                        sorted))
                        .uid("person-monitor")
                        .name("Stays, hires and relocation contracts");

        DataStream<PermitChange> permitChanges =
                events.filter(
                                e ->
                                        e instanceof Employment em
                                                && (em.kind() == EmploymentKind.PERMIT_ISSUED
                                                        || em.kind()
                                                                == EmploymentKind.PERMIT_REVOKED))
                        .uid("permit-events")
                        .name("Permit events")
                        .map(e -> (Employment) e)
                        .returns(MonitorTypes.of(Employment.class))
                        .uid("as-employment")
                        .name("As employment")
                        .keyBy(Employment::permitId, Types.STRING)
                        .transform(
                                "Permit registry",
                                MonitorTypes.of(PermitChange.class),
                                ordered(new PermitRegistry(horizon), sorted))
                        .uid("permit-registry")
                        .name("Permit registry");
        DataStream<QuotaInput> quotaLimits =
                events.filter(e -> e instanceof QuotaLimit)
                        .uid("quota-records")
                        .name("Quota records")
                        .map(e -> QuotaInput.of((QuotaLimit) e))
                        .returns(MonitorTypes.of(QuotaInput.class))
                        .uid("as-quota-input")
                        .name("As quota input");
        SingleOutputStreamOperator<Alert> quotaAlerts =
                permitChanges
                        .map(QuotaInput::of)
                        .returns(MonitorTypes.of(QuotaInput.class))
                        .uid("permit-change-as-quota-input")
                        .name("Permit change as quota input")
                        .union(quotaLimits)
                        .keyBy(QuotaInput::regionCode, Types.STRING)
                        .transform(
                                "Quota ledgers",
                                alertType,
                                ordered(inOrder(new QuotaLedger(horizon), sorted), sorted))
                        .uid("quota-ledger")
                        .name("Quota ledgers");

        DataStream<Alert> banAlerts =
                events.filter(e -> EntryBanCheck.reads(e, banned))
                        .uid("entry-ban-inputs")
                        .name("Entry bans and entries")
                        .keyBy(EntryBanCheck::personOf, Types.STRING)
                        .transform(
                                "Banned entries",
                                alertType,
                                ordered(new EntryBanCheck(horizon), sorted))
                        .uid("entry-ban-check")
                        .name("Banned entries");
        DataStream<Alert> shortageAlerts =
                events.filter(ShortageCheck::reads)
                        .uid("shortage-inputs")
                        .name("Shortage records and permit issues")
                        .keyBy(ShortageCheck::regionOf, Types.STRING)
                        .transform(
                                "Permits outside the shortage list",
                                alertType,
                                ordered(inOrder(new ShortageCheck(horizon), sorted), sorted))
                        .uid("shortage-check")
                        .name("Permits outside the shortage list");

        DataStream<Alert> alerts = personAlerts.union(quotaAlerts, banAlerts, shortageAlerts);
        DataStream<PlaceInput> respell =
                alerts.filter(a -> a.city() != null)
                        .uid("alerts-with-city")
                        .name("Alerts naming a city")
                        .map(PlaceInput::of)
                        .returns(PlaceInput.TYPE)
                        .uid("alert-as-place-input")
                        .name("Alert as place input");
        DataStream<Alert> alertsWithoutCity =
                alerts.filter(a -> a.city() == null)
                        .uid("alerts-without-city")
                        .name("Alerts naming no city");

        DataStream<PlaceInput> placeEvents =
                events.flatMap(new PlaceEvents())
                        .returns(PlaceInput.TYPE)
                        .uid("place-events")
                        .name("Place events");
        if (sorted) {
            placeEvents =
                    placeEvents
                            .transform(
                                    "Sum place events per day",
                                    PlaceInput.TYPE,
                                    new PlaceEventCombiner(PLACE_SUMS_HELD))
                            .uid("sum-place-events");
        }
        SingleOutputStreamOperator<Alert> placeAlerts =
                placeEvents
                        .union(respell)
                        .keyBy(PlaceInput::placeKey, PlaceKey.TYPE)
                        .transform(
                                "Daily flows per region and city",
                                alertType,
                                ordered(
                                        inOrder(
                                                new PlaceLedger(
                                                        settings.inflowThresholds(), horizon),
                                                sorted),
                                        sorted))
                        .uid("place-ledger")
                        .name("Daily flows per region and city");
        DataStream<FlowStats> flowStats = placeAlerts.getSideOutput(PlaceLedger.FLOW_STATS);

        DataStream<FlowMatrixRow> matrix =
                FlowMatrix.of(
                        events.filter(e -> e instanceof Registration)
                                .uid("registrations")
                                .name("Registrations")
                                .map(e -> (Registration) e)
                                .returns(MonitorTypes.of(Registration.class))
                                .uid("as-registration")
                                .name("As registration"));

        placeAlerts
                .union(alertsWithoutCity)
                .sinkTo(sinks.alerts())
                .uid("alerts-sink")
                .name("alerts");
        flowStats.sinkTo(sinks.flowStats()).uid("flow-stats-sink").name("flow-stats");
        matrix.sinkTo(sinks.flowMatrix()).uid("flow-matrix-sink").name("flow-matrix");
        deadLetters.sinkTo(sinks.deadLetters()).uid("dead-letters-sink").name("dead-letters");

        if (replay) {
            // Nothing scrapes a replay's gauges: their changes are dropped where they are sent.
            return;
        }
        // One subtask holds every gauge, checkpointed with the state that moves it (see
        // DomainGauges): max parallelism 1 keeps it one when the job is rescaled.
        personAlerts
                .getSideOutput(DomainGauges.CHANGES)
                .union(
                        quotaAlerts.getSideOutput(DomainGauges.CHANGES),
                        placeAlerts.getSideOutput(DomainGauges.CHANGES))
                .process(new DomainGauges())
                .returns(Types.VOID)
                .uid("domain-gauges")
                .name("Domain gauges")
                .setParallelism(1)
                .setMaxParallelism(1);
    }

    /**
     * How many events a region's operator lets wait in BATCH mode before a later one lets them
     * through: enough to share the cost of a wake, few enough to stay small in memory.
     */
    static final int IN_ORDER_MAX_WAITING = 1024;

    /**
     * How many sums of place events a subtask holds in BATCH mode: a day has a few hundred (places
     * by spelling, stream and citizenship group), and the input comes about in time order.
     */
    static final int PLACE_SUMS_HELD = 4096;

    /**
     * How many events each subtask of the de-duplicator and of each event-time ordered operator
     * holds in memory until the watermark passes them before it puts them into state (see {@link
     * HoldingOperator}). A job catching up reads some partitions far ahead in event time of the one
     * that holds the watermark back (a fetch is up to a megabyte of each), and their events wait:
     * in {@code bench streaming} on RocksDB the job took 35.6 s holding 10,000, 31.3 s holding
     * 50,000 and 30.2 s holding 200,000. Some tens of megabytes a subtask, and a bound when the
     * watermark stalls.
     */
    static final int EVENTS_HELD = 50_000;

    /** {@code f}, told that its input comes in time order if it is {@code sorted}. */
    private static <K, I, O> EventTimeOrderedFunction<K, I, O> inOrder(
            EventTimeOrderedFunction<K, I, O> f, boolean sorted) {
        return sorted ? f.inTimeOrder(IN_ORDER_MAX_WAITING) : f;
    }

    /**
     * The operator that runs {@code f}: in BATCH mode, where the watermark comes only at a key's
     * end, Flink's; otherwise one that holds the events waiting for the watermark in memory.
     */
    private static <K, I, O> OneInputStreamOperator<I, O> ordered(
            EventTimeOrderedFunction<K, I, O> f, boolean sorted) {
        return sorted ? new KeyedProcessOperator<>(f) : new HoldingOperator<>(f, EVENTS_HELD);
    }
}
