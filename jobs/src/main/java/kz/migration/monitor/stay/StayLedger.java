package kz.migration.monitor.stay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kz.migration.monitor.event.KazakhstanTime;
import kz.migration.monitor.event.Region;

/**
 * A person's stays in event time: whether they are present, the current stay's counts, and the
 * uncovered stay days of the last 180 days (of this and earlier stays).
 *
 * <p>Days are evaluated once each, when they are over (or at the exit that ends the stay on that
 * day), in order. A day shared by two stays is one day of the 180-day window but a day of each
 * stay.
 *
 * @param lastEvaluatedDay the current stay's days up to this epoch day are evaluated
 * @param uncoveredDays sorted epoch days, at most the last 180
 */
public record StayLedger(
        boolean present,
        Instant stayStart,
        String citizenship,
        Region entryRegion,
        String entryCity,
        long lastEvaluatedDay,
        int uncoveredInStay,
        int unlawfulInStay,
        long[] uncoveredDays) {

    /** The window of the stay-days rule, in days. */
    public static final int WINDOW_DAYS = 180;

    public static final StayLedger ABSENT =
            new StayLedger(false, null, null, null, null, Long.MIN_VALUE, 0, 0, new long[0]);

    /** An unlawful day that raises {@code OVERSTAY}: the first of an {@link OverstayTier}. */
    public record OverstayMark(long day, int overstayDays) {}

    /** A ledger after some days were evaluated, with the overstay marks they reached. */
    public record Progress(StayLedger ledger, List<OverstayMark> marks) {}

    /** Starts a stay at an entry; an entry while present continues the stay unchanged. */
    public StayLedger entered(Instant at, String citizenship, Region region, String city) {
        if (present) {
            return this;
        }
        long day = KazakhstanTime.dateOf(at).toEpochDay();
        // Heap state keeps this object for as long as the person is present, millions of them at
        // the national load: a few hundred distinct codes and city names are shared rather than
        // kept as one parsed copy per person.
        return new StayLedger(
                true,
                at,
                citizenship == null ? null : citizenship.intern(),
                region,
                city == null ? null : city.intern(),
                day - 1,
                0,
                0,
                uncoveredDays);
    }

    /**
     * Evaluates the current stay's days through {@code lastDay}, each as a full day of presence.
     *
     * @param rule {@code null} for citizens, who have no limits
     */
    public Progress evaluatedThrough(long lastDay, PersonDocuments documents, StayRule rule) {
        if (!present || lastDay <= lastEvaluatedDay) {
            return new Progress(this, List.of());
        }
        Evaluation e = new Evaluation(this);
        List<OverstayMark> marks = new ArrayList<>(0);
        for (long day = lastEvaluatedDay + 1; day <= lastDay; day++) {
            if (e.evaluate(day, documents, rule) && OverstayTier.isFirstDay(e.unlawful)) {
                marks.add(new OverstayMark(day, e.unlawful));
            }
        }
        return new Progress(e.toLedger(this, true, lastDay), marks);
    }

    /**
     * Ends the stay at an exit on {@code at}'s day, which is a stay day too. The returned ledger is
     * absent but keeps the stay's counts, so the caller can read {@link #unlawfulInStay()}.
     */
    public StayLedger exited(Instant at, PersonDocuments documents, StayRule rule) {
        long day = KazakhstanTime.dateOf(at).toEpochDay();
        StayLedger through = evaluatedThrough(day, documents, rule).ledger();
        return new StayLedger(
                false,
                through.stayStart,
                through.citizenship,
                through.entryRegion,
                through.entryCity,
                through.lastEvaluatedDay,
                through.uncoveredInStay,
                through.unlawfulInStay,
                through.uncoveredDays);
    }

    /**
     * The ledger once {@code documents}, as they stand during {@code day}, are taken into account
     * for that day's place in the 180-day window. A document presented at any time of a day covers
     * it, also for a stay that ended earlier that day: an exit in the morning evaluated the day as
     * uncovered, and a visa at an entry in the evening, or a permit issued in the afternoon, makes
     * it lawful for the counts of later days. The ended stay's own counts stay as they were at the
     * exit ({@code OVERSTAY_ENDED} was raised there). Earlier days need no such care: documents
     * cover days from their own event's day on, and a day is evaluated only once it is over or at
     * an exit on it.
     */
    public StayLedger coveredOn(long day, PersonDocuments documents) {
        int n = uncoveredDays.length;
        if (n == 0 || uncoveredDays[n - 1] != day || !documents.covers(day)) {
            return this;
        }
        return new StayLedger(
                present,
                stayStart,
                citizenship,
                entryRegion,
                entryCity,
                lastEvaluatedDay,
                uncoveredInStay,
                unlawfulInStay,
                Arrays.copyOf(uncoveredDays, n - 1));
    }

    /**
     * The first day from the next unevaluated one on that would raise {@code OVERSTAY} if the
     * person stays and nothing changes, or {@code -1} when none comes within {@code horizonDays}.
     */
    public long nextMarkedDay(PersonDocuments documents, StayRule rule, int horizonDays) {
        if (!present || rule == null || OverstayTier.isLast(unlawfulInStay)) {
            return -1;
        }
        Evaluation e = new Evaluation(this);
        for (long day = lastEvaluatedDay + 1; day <= lastEvaluatedDay + horizonDays; day++) {
            if (e.evaluate(day, documents, rule) && OverstayTier.isFirstDay(e.unlawful)) {
                return day;
            }
        }
        return -1;
    }

    /** Whether the ledger holds nothing that can matter any more from {@code today} on. */
    public boolean isForgettable(long today) {
        return !present
                && (uncoveredDays.length == 0
                        || uncoveredDays[uncoveredDays.length - 1] < today - WINDOW_DAYS + 1);
    }

    /** The day on which the last remembered uncovered day leaves the window, or -1. */
    public long windowClearsOn() {
        return uncoveredDays.length == 0
                ? -1
                : uncoveredDays[uncoveredDays.length - 1] + WINDOW_DAYS;
    }

    /** Mutable working copy for evaluating many days without allocating a ledger per day. */
    private static final class Evaluation {
        int uncovered;
        int unlawful;
        long[] window;
        int from;
        int to;

        Evaluation(StayLedger l) {
            uncovered = l.uncoveredInStay;
            unlawful = l.unlawfulInStay;
            window = Arrays.copyOf(l.uncoveredDays, Math.max(8, l.uncoveredDays.length * 2));
            from = 0;
            to = l.uncoveredDays.length;
        }

        /** Evaluates one stay day; returns whether it is unlawful. */
        boolean evaluate(long day, PersonDocuments documents, StayRule rule) {
            while (from < to && window[from] <= day - WINDOW_DAYS) {
                from++;
            }
            if (rule == null || documents.covers(day)) {
                return false;
            }
            uncovered++;
            if (to == from || window[to - 1] != day) {
                if (to == window.length) {
                    long[] grown = new long[Math.max(16, (to - from) * 2)];
                    System.arraycopy(window, from, grown, 0, to - from);
                    to -= from;
                    from = 0;
                    window = grown;
                }
                window[to++] = day;
            }
            boolean unlawfulDay = uncovered > rule.daysPerEntry() || (to - from) > rule.windowMax();
            if (unlawfulDay) {
                unlawful++;
            }
            return unlawfulDay;
        }

        StayLedger toLedger(StayLedger l, boolean present, long lastDay) {
            return new StayLedger(
                    present,
                    l.stayStart,
                    l.citizenship,
                    l.entryRegion,
                    l.entryCity,
                    lastDay,
                    uncovered,
                    unlawful,
                    Arrays.copyOfRange(window, from, to));
        }
    }
}
