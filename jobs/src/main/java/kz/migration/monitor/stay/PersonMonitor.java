package kz.migration.monitor.stay;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.AlertDetails;
import kz.migration.monitor.event.AlertType;
import kz.migration.monitor.event.BorderCrossing;
import kz.migration.monitor.event.CitizenshipGroup;
import kz.migration.monitor.event.Direction;
import kz.migration.monitor.event.Employment;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.KazakhstanTime;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.Registration;
import kz.migration.monitor.event.RegistrationKind;
import kz.migration.monitor.event.Severity;
import kz.migration.monitor.metrics.AlertCounter;
import kz.migration.monitor.metrics.DomainGauges;
import kz.migration.monitor.metrics.GaugeChange;
import kz.migration.monitor.metrics.GaugeSeries;
import kz.migration.monitor.metrics.LabelledCounters;
import kz.migration.monitor.pipeline.EventTimeOrderedFunction;
import kz.migration.monitor.pipeline.types.MonitorTypes;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

/**
 * Follows one person (keyed by its {@code subjectRef}) through crossings, registrations and
 * employment in event time, and raises the person alerts: {@code OVERSTAY} at the end of the first
 * unlawful day of each {@link OverstayTier} of a stay, {@code OVERSTAY_ENDED} at the exit, {@code
 * UNAUTHORISED_EMPLOYMENT} at a hire without a permit, and {@code CONTRACT_BREACH} when a
 * relocation participant leaves early.
 *
 * <p>Days are evaluated lazily: a timer wakes the person only at the end of the next day that would
 * raise an alert, and every event first brings the stay up to date. State is cleared once the
 * person is gone and the 180-day window holds nothing of theirs; TTL is a safety net.
 *
 * <p>A person is one state entry, a {@link PersonEntry}: the {@link PersonFile} and the key's
 * schedule of the event-time order beside it, read once when the operator takes up the person (an
 * event, a timer, the events held until a watermark) and written back at most once when it is done.
 * Savepoints of the versions before kept the file ("person") and the schedule ("schedule") apart,
 * and before that four values ("stay", "documents", "contract", "wake-up"); a job restored from one
 * moves a person's over the first time it takes the person up.
 */
public final class PersonMonitor extends EventTimeOrderedFunction<String, InputEvent, Alert> {

    private static final long serialVersionUID = 1L;

    /** How far ahead a wake-up is looked for; a person still present is looked at again then. */
    private static final int LOOKAHEAD_DAYS = 400;

    private final StayRules rules;
    private final int contractYears;

    private transient ValueState<PersonEntry> entry;

    /**
     * The current key's entry while the operator is on it: {@code null} until read, written back by
     * {@link #doneWithKey} if {@link #entryChanged}.
     */
    private transient PersonEntry current;

    private transient boolean entryChanged;

    /** Whether the current key's entry was in state when read: an empty one needs no delete. */
    private transient boolean entryStored;

    /** The state of the versions before, read only in a job restored from a savepoint. */
    private transient ValueState<PersonFile> legacyPerson;

    private transient ValueState<StayLedger> legacyStay;

    private transient ValueState<PersonDocuments> legacyDocuments;
    private transient ValueState<RelocationContract> legacyContract;
    private transient ValueState<Long> legacyWakeUp;

    /**
     * The current person as read at the start of this event or wake-up ({@code loaded}) and as
     * changed since; kept in {@link #current} by {@link #tidy}.
     */
    private transient PersonFile loaded;

    private transient StayLedger stay;
    private transient PersonDocuments documents;
    private transient RelocationContract contract;
    private transient AlertCounter alerts;
    private transient LabelledCounters unmatchedExits;
    private transient LabelledCounters contractBreaches;
    private transient LabelledCounters relocationReturns;
    private transient LabelledCounters relocationContracts;

    public PersonMonitor(StayRules rules, int contractYears, long horizon) {
        super(MonitorTypes.INPUT_EVENT, horizon);
        this.rules = rules;
        this.contractYears = contractYears;
    }

    @Override
    protected void openState(OpenContext openContext) {
        // The TTL is a processing-time safety net for the unbounded streaming job. A replay ends
        // long before 5 years of processing time pass, so there it could never expire anything,
        // yet its incremental cleanup would scan the state tables on every access (the replay's
        // largest single cost). In the streaming job one entry is checked per access, which still
        // sweeps all state many times within the TTL.
        StateTtlConfig ttl =
                horizon == Long.MAX_VALUE
                        ? StateTtlConfig.newBuilder(Duration.ofDays(5 * 366 + 180))
                                .cleanupIncrementally(1, false)
                                .build()
                        : null;
        entry = state("person-entry", MonitorTypes.of(PersonEntry.class), ttl);
        // The descriptors of the versions before, TTL included: a restored state's must match.
        legacyPerson = state("person", MonitorTypes.of(PersonFile.class), ttl);
        legacyStay = state("stay", TypeInformation.of(StayLedger.class), ttl);
        legacyDocuments = state("documents", MonitorTypes.of(PersonDocuments.class), ttl);
        legacyContract = state("contract", MonitorTypes.of(RelocationContract.class), ttl);
        legacyWakeUp =
                getRuntimeContext().getState(new ValueStateDescriptor<>("wake-up", Types.LONG));
        var metrics = getRuntimeContext().getMetricGroup();
        alerts = new AlertCounter(metrics);
        unmatchedExits = new LabelledCounters(metrics, "migration_unmatched_exits_total");
        contractBreaches =
                new LabelledCounters(
                        metrics, "migration_contract_breaches_total", "program", "host_region");
        relocationReturns =
                new LabelledCounters(metrics, "migration_relocation_returns_total", "host_region");
        relocationContracts =
                new LabelledCounters(
                        metrics, "migration_relocation_contracts_total", "program", "host_region");
    }

    /** The value state {@code name} of {@code type}, with {@code ttl} unless it is null. */
    private <T> ValueState<T> state(String name, TypeInformation<T> type, StateTtlConfig ttl) {
        ValueStateDescriptor<T> d = new ValueStateDescriptor<>(name, type);
        if (ttl != null) {
            d.enableTimeToLive(ttl);
        }
        return getRuntimeContext().getState(d);
    }

    @Override
    protected Comparator<InputEvent> order() {
        return InputEvent.PROCESSING_ORDER;
    }

    @Override
    protected void onTime(long timestamp, OnTimerContext ctx, Collector<Alert> out)
            throws Exception {
        long today = KazakhstanTime.dateOf(timestamp).toEpochDay();
        load();
        catchUp(today - 1, ctx.getCurrentKey(), ctx, out);
        tidy(today, ctx);
    }

    @Override
    protected void onEvent(InputEvent event, long timestamp, Context ctx, Collector<Alert> out)
            throws Exception {
        long today = KazakhstanTime.dateOf(event.occurredAt()).toEpochDay();
        load();
        catchUp(today - 1, ctx.getCurrentKey(), ctx, out);
        String subjectRef = ctx.getCurrentKey();
        if (event instanceof BorderCrossing c) {
            onCrossing(c, subjectRef, ctx, out);
        } else if (event instanceof Registration r) {
            onRegistration(r, subjectRef, out);
        } else if (event instanceof Employment e) {
            onEmployment(e, subjectRef, out);
        }
        stay = stay.coveredOn(today, documents);
        tidy(today, ctx);
    }

    @Override
    protected long[] loadSchedule() throws Exception {
        long[] stored = current().schedule();
        if (stored == null && isRestored()) {
            stored = takeScheduleOfOwnState();
            if (stored != null) {
                change(current.withSchedule(stored));
            }
        }
        return stored;
    }

    @Override
    protected void storeSchedule(long[] stored) throws Exception {
        change(current().withSchedule(stored));
    }

    @Override
    protected void doneWithKey() throws Exception {
        if (entryChanged) {
            if (!current.isEmpty()) {
                entry.update(current);
            } else if (entryStored) {
                entry.clear();
            }
        }
        current = null;
        entryChanged = false;
    }

    /** The current key's entry, read once while the operator is on the key. */
    private PersonEntry current() throws Exception {
        if (current == null) {
            PersonEntry e = entry.value();
            entryStored = e != null;
            if (e == null && isRestored()) {
                PersonFile f = takeOverLegacyState();
                if (f != null) {
                    // Taken over, the person must be written back even if nothing else changes.
                    change(new PersonEntry(f, null));
                    return current;
                }
            }
            current = e == null ? PersonEntry.EMPTY : e;
        }
        return current;
    }

    private void change(PersonEntry e) {
        current = e;
        entryChanged = true;
    }

    /** Reads the current person into {@link #stay}, {@link #documents} and {@link #contract}. */
    private void load() throws Exception {
        loaded = current().person();
        stay = loaded.stay() == null ? StayLedger.ABSENT : loaded.stay();
        documents = loaded.documents() == null ? PersonDocuments.NONE : loaded.documents();
        contract = loaded.contract();
    }

    /**
     * The current person's values in the state of the versions before, moved out of it; {@code
     * null} if it holds none. Only a job restored from a savepoint looks, once per person the new
     * state does not know yet.
     */
    private PersonFile takeOverLegacyState() throws Exception {
        PersonFile kept = legacyPerson.value();
        if (kept != null) {
            legacyPerson.clear();
            return kept;
        }
        PersonFile f =
                new PersonFile(
                        legacyStay.value(),
                        legacyDocuments.value(),
                        legacyContract.value(),
                        legacyWakeUp.value());
        if (f.isEmpty()) {
            return null;
        }
        legacyStay.clear();
        legacyDocuments.clear();
        legacyContract.clear();
        legacyWakeUp.clear();
        return f;
    }

    /** Evaluates the days of the current stay that ended by {@code lastDay}. */
    private void catchUp(long lastDay, String subjectRef, Context ctx, Collector<Alert> out)
            throws Exception {
        StayLedger s = stay;
        if (!s.present() || s.lastEvaluatedDay() >= lastDay) {
            return;
        }
        PersonDocuments docs = documents;
        StayLedger.Progress progress =
                s.evaluatedThrough(lastDay, docs, rules.ruleFor(s.citizenship()));
        for (StayLedger.OverstayMark mark : progress.marks()) {
            Instant raisedAt = KazakhstanTime.endOf(LocalDate.ofEpochDay(mark.day()));
            Severity severity = severityOf(mark.overstayDays());
            Region region =
                    docs.residenceRegion() != null ? docs.residenceRegion() : s.entryRegion();
            String city = docs.residenceRegion() != null ? docs.residenceCity() : s.entryCity();
            emit(
                    out,
                    Alert.builder(AlertType.OVERSTAY)
                            .severity(severity)
                            .raisedAt(raisedAt)
                            .subjectRef(subjectRef)
                            .region(region)
                            .city(city)
                            .citizenship(s.citizenship())
                            .details(new AlertDetails.Overstay(mark.overstayDays()))
                            .identity(subjectRef + "|" + s.stayStart() + "|" + mark.overstayDays())
                            .build());
            trackActiveOverstay(ctx, s.entryRegion(), OverstayTier.of(mark.overstayDays()), +1);
        }
        stay = progress.ledger();
    }

    private void onCrossing(BorderCrossing c, String subjectRef, Context ctx, Collector<Alert> out)
            throws Exception {
        StayLedger s = stay;
        PersonDocuments docs = documents;
        if (c.direction() == Direction.ENTRY) {
            if (c.permitUntil() != null) {
                documents = docs.withVisa(KazakhstanTime.dateOf(c.occurredAt()), c.permitUntil());
            }
            if (!s.present()) {
                trackPresent(ctx, c.citizenship(), +1);
            }
            stay = s.entered(c.occurredAt(), c.citizenship(), c.region(), c.city());
            return;
        }
        if (!s.present()) {
            unmatchedExits.inc();
            return;
        }
        StayLedger ended = s.exited(c.occurredAt(), docs, rules.ruleFor(s.citizenship()));
        trackPresent(ctx, s.citizenship(), -1);
        int days = ended.unlawfulInStay();
        if (days > 0) {
            Region region = docs.residenceRegion() != null ? docs.residenceRegion() : c.region();
            String city = docs.residenceRegion() != null ? docs.residenceCity() : c.city();
            emit(
                    out,
                    Alert.builder(AlertType.OVERSTAY_ENDED)
                            .severity(severityOf(days))
                            .raisedAt(c.occurredAt())
                            .subjectRef(subjectRef)
                            .region(region)
                            .city(city)
                            .citizenship(s.citizenship())
                            .details(new AlertDetails.Overstay(days))
                            .identity(subjectRef + "|" + s.stayStart() + "|ended")
                            .build());
            // The days raised as OVERSTAY (those before the exit's) count in their tier's gauge.
            if (s.unlawfulInStay() > 0) {
                trackActiveOverstay(ctx, s.entryRegion(), OverstayTier.of(s.unlawfulInStay()), -1);
            }
        }
        stay = ended;
    }

    private void onRegistration(Registration r, String subjectRef, Collector<Alert> out)
            throws Exception {
        PersonDocuments docs = documents;
        LocalDate day = KazakhstanTime.dateOf(r.occurredAt());
        documents =
                switch (r.kind()) {
                    case TEMPORARY_RESIDENCE ->
                            docs.withTemporaryResidence(day, r.validUntil(), r.region(), r.city());
                    case PERMANENT_RESIDENCE ->
                            docs.withPermanentResidence(r.occurredAt(), r.region(), r.city());
                    case RESIDENCE_CHANGE -> docs.livingIn(r.region(), r.city());
                    case DEREGISTRATION -> docs.deregistered(day);
                };

        RelocationContract current = contract;
        if (current != null && !current.bindsOn(day)) {
            current = null;
            contract = null;
        }
        boolean leaves =
                r.kind() == RegistrationKind.DEREGISTRATION
                        || (r.kind() == RegistrationKind.RESIDENCE_CHANGE
                                && r.region() != (current == null ? null : current.hostRegion()));
        if (current != null && leaves) {
            Region newRegion = r.kind() == RegistrationKind.DEREGISTRATION ? null : r.region();
            boolean returned = current.isReturn(newRegion);
            emit(
                    out,
                    Alert.builder(AlertType.CONTRACT_BREACH)
                            .raisedAt(r.occurredAt())
                            .subjectRef(subjectRef)
                            .region(current.hostRegion())
                            .city(current.hostCity())
                            .citizenship(r.citizenship())
                            .details(
                                    new AlertDetails.Contract(
                                            current.program(),
                                            current.hostRegion(),
                                            newRegion,
                                            current.monthsTo(day),
                                            returned))
                            .identity(subjectRef + "|" + r.eventId())
                            .build());
            contractBreaches.inc(current.program().name(), current.hostRegion().code());
            if (returned) {
                relocationReturns.inc(current.hostRegion().code());
            }
            contract = null;
        }
        if (r.program() != null && r.kind() != RegistrationKind.DEREGISTRATION) {
            contract =
                    new RelocationContract(
                            r.program(),
                            r.region(),
                            r.city(),
                            day,
                            day.plusYears(contractYears),
                            r.previousRegion());
            relocationContracts.inc(r.program().name(), r.region().code());
        }
    }

    private void onEmployment(Employment e, String subjectRef, Collector<Alert> out)
            throws Exception {
        PersonDocuments docs = documents;
        switch (e.kind()) {
            case PERMIT_ISSUED ->
                    documents =
                            docs.withPermit(
                                    new Permit(
                                            e.permitId(),
                                            e.region(),
                                            e.occurredAt(),
                                            e.permitUntil()));
            case PERMIT_REVOKED -> documents = docs.withPermitRevoked(e.permitId(), e.occurredAt());
            case HIRED -> {
                if (!rules.mayWorkWithoutPermit(e.citizenship())
                        && !docs.hasPermanentResidenceAt(e.occurredAt())
                        && !docs.hasActivePermitIn(e.region(), e.occurredAt())) {
                    emit(
                            out,
                            Alert.builder(AlertType.UNAUTHORISED_EMPLOYMENT)
                                    .raisedAt(e.occurredAt())
                                    .subjectRef(subjectRef)
                                    .region(e.region())
                                    .city(e.city())
                                    .citizenship(e.citizenship())
                                    .identity(subjectRef + "|" + e.eventId())
                                    .build());
                }
            }
            case TERMINATED -> {}
        }
    }

    /**
     * Prunes what no longer matters, sets the next wake-up, and writes the person back (clears an
     * empty one).
     */
    private void tidy(long today, Context ctx) throws Exception {
        PersonDocuments docs = documents.pruned(today);
        StayLedger s = stay;
        RelocationContract c = contract;
        if (c != null && !c.bindsOn(LocalDate.ofEpochDay(today))) {
            c = null;
        }
        boolean stayGone = s.isForgettable(today);
        Long previous = loaded.wakeUp();
        long next = Long.MAX_VALUE;
        if (s.present()) {
            long day = s.nextMarkedDay(docs, rules.ruleFor(s.citizenship()), LOOKAHEAD_DAYS);
            long lookAgain = s.lastEvaluatedDay() + LOOKAHEAD_DAYS;
            // At the end of a bounded input the watermark is final: looking again later would loop
            // through the years forever, and nothing can change any more.
            boolean endOfTime = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
            if (day >= 0 || !endOfTime) {
                next = KazakhstanTime.endMillisOf(LocalDate.ofEpochDay(day >= 0 ? day : lookAgain));
            }
        } else if (!stayGone && s.windowClearsOn() >= 0) {
            next = KazakhstanTime.startOf(LocalDate.ofEpochDay(s.windowClearsOn())).toEpochMilli();
        }
        if (c != null) {
            next = Math.min(next, KazakhstanTime.startOf(c.end()).toEpochMilli());
        }
        if (!docs.isEmpty()
                && docs.lastCoveredDay() != Long.MAX_VALUE
                && docs.lastCoveredDay() >= 0) {
            next =
                    Math.min(
                            next,
                            KazakhstanTime.endMillisOf(
                                    LocalDate.ofEpochDay(docs.lastCoveredDay())));
        }
        if (previous != null && previous != next) {
            unscheduleAt(ctx, previous);
        }
        Long wakeUp = null;
        if (next != Long.MAX_VALUE && next <= horizon) {
            scheduleAt(ctx, next);
            wakeUp = previous != null && previous == next ? previous : next;
        }
        store(new PersonFile(stayGone ? null : s, docs.isEmpty() ? null : docs, c, wakeUp));
    }

    /**
     * Keeps the current person for {@link #doneWithKey} if anything changed since {@link #load}.
     */
    private void store(PersonFile now) throws Exception {
        if (now.isEmpty()) {
            if (!loaded.isEmpty()) {
                change(current().withPerson(PersonFile.EMPTY));
            }
        } else if (now.stay() != loaded.stay()
                || now.documents() != loaded.documents()
                || now.contract() != loaded.contract()
                || !Objects.equals(now.wakeUp(), loaded.wakeUp())) {
            change(current().withPerson(now));
        }
        loaded = null;
        stay = null;
        documents = null;
        contract = null;
    }

    private void emit(Collector<Alert> out, Alert alert) {
        alerts.count(alert);
        out.collect(alert);
    }

    /** Moves {@code migration_people_present} of the person's citizenship group. */
    private static void trackPresent(Context ctx, String citizenship, int delta) {
        GaugeSeries group =
                GaugeSeries.of(
                        "migration_people_present",
                        "group",
                        CitizenshipGroup.of(citizenship).name());
        ctx.output(DomainGauges.CHANGES, GaugeChange.add(group, delta));
    }

    private static void trackActiveOverstay(
            Context ctx, Region region, OverstayTier tier, int delta) {
        if (region == null) {
            return;
        }
        Severity now = tier.severity();
        if (delta > 0 && tier.previous() != null) {
            Severity before = tier.previous().severity();
            ctx.output(DomainGauges.CHANGES, GaugeChange.add(activeOverstays(region, before), -1));
        }
        ctx.output(DomainGauges.CHANGES, GaugeChange.add(activeOverstays(region, now), delta));
    }

    private static GaugeSeries activeOverstays(Region region, Severity severity) {
        return GaugeSeries.of(
                "migration_overstays_active", "region", region.code(), "severity", severity.name());
    }

    private static Severity severityOf(int overstayDays) {
        return OverstayTier.of(overstayDays).severity();
    }
}
