package kz.migration.monitor.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import kz.migration.monitor.event.KazakhstanTime;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.stay.PersonDocuments;
import kz.migration.monitor.stay.StayLedger;
import kz.migration.monitor.stay.StayRule;
import kz.migration.monitor.stay.StayRules;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * One whole stay in the ledger, with the calls {@code PersonMonitor} makes around each event: the
 * days up to the event's are evaluated, the event applied, its day's coverage taken into account,
 * and the next day that would raise {@code OVERSTAY} looked for (400 days ahead).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StayLedgerBenchmark {

    private static final int LOOKAHEAD_DAYS = 400;
    private static final Instant ENTRY = Instant.parse("2026-03-01T05:00:00Z");

    private final StayRule rule = StayRules.defaults().ruleFor("UZB");

    /** The day the person's timer was last set to, or -1. */
    long wake;

    /**
     * A visitor enters with a 14-day visa, registers a temporary residence on day 20 (to day 50)
     * and leaves on day 55: ten uncovered days, no overstay.
     */
    @Benchmark
    public StayLedger visitorWithDocuments() {
        PersonDocuments docs =
                PersonDocuments.NONE.withVisa(dateOf(ENTRY), dateOf(ENTRY).plusDays(14));
        StayLedger s = StayLedger.ABSENT.entered(ENTRY, "UZB", Region.KZ_31, "Taraz");
        s = afterEvent(s, docs, ENTRY);

        Instant registered = ENTRY.plus(20, ChronoUnit.DAYS);
        s = beforeEvent(s, docs, registered);
        docs =
                docs.withTemporaryResidence(
                        dateOf(registered),
                        dateOf(registered).plusDays(30),
                        Region.KZ_75,
                        "Almaty");
        s = afterEvent(s, docs, registered);

        Instant exit = ENTRY.plus(55, ChronoUnit.DAYS);
        s = beforeEvent(s, docs, exit);
        s = s.exited(exit, docs, rule);
        return afterEvent(s, docs, exit);
    }

    /**
     * A visitor without documents stays 51 days: timers wake at the ends of the 1st, 4th and 11th
     * unlawful day (days 30, 33 and 40), then the exit on day 50 ends a stay of 21 unlawful days.
     */
    @Benchmark
    public StayLedger overstayer() {
        PersonDocuments docs = PersonDocuments.NONE;
        StayLedger s = StayLedger.ABSENT.entered(ENTRY, "UZB", Region.KZ_31, "Taraz");
        long exitDay = dateOf(ENTRY).toEpochDay() + 50;
        long marked = s.nextMarkedDay(docs, rule, LOOKAHEAD_DAYS);
        while (marked >= 0 && marked < exitDay) {
            s = s.evaluatedThrough(marked, docs, rule).ledger();
            marked = s.nextMarkedDay(docs, rule, LOOKAHEAD_DAYS);
        }
        Instant exit = ENTRY.plus(50, ChronoUnit.DAYS);
        s = beforeEvent(s, docs, exit);
        s = s.exited(exit, docs, rule);
        return afterEvent(s, docs, exit);
    }

    private StayLedger beforeEvent(StayLedger s, PersonDocuments docs, Instant at) {
        return s.evaluatedThrough(dateOf(at).toEpochDay() - 1, docs, rule).ledger();
    }

    private StayLedger afterEvent(StayLedger s, PersonDocuments docs, Instant at) {
        StayLedger covered = s.coveredOn(dateOf(at).toEpochDay(), docs);
        // its result sets the person's timer; kept in a field so that it is computed
        wake = covered.nextMarkedDay(docs, rule, LOOKAHEAD_DAYS);
        return covered;
    }

    private static LocalDate dateOf(Instant at) {
        return KazakhstanTime.dateOf(at);
    }
}
