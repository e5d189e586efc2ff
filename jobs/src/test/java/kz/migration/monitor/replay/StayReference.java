package kz.migration.monitor.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.migration.monitor.event.KazakhstanTime;

/**
 * The contract's stay rules ("Stays and overstays") computed the plain way over one person's whole
 * history, independently of the monitor's incremental ledger: which days are covered, which stay
 * days are unlawful, and the {@code OVERSTAY} and {@code OVERSTAY_ENDED} alerts that follow, as
 * {@code "TYPE raisedAt overstayDays"}.
 */
final class StayReference {

    /** Days per entry and the maximum in any 180 days, by citizenship; KAZ has no limit. */
    private static final Map<String, int[]> LIMITS =
            Map.of(
                    "RUS", new int[] {90, 90},
                    "BLR", new int[] {90, 90},
                    "ARM", new int[] {90, 90},
                    "KGZ", new int[] {90, 90},
                    "IND", new int[] {14, 42},
                    "IRN", new int[] {14, 42});

    private static final int[] DEFAULT = {30, 90};

    private final List<RandomTravellers.Event> events;
    private final Instant asOf;
    private final boolean exitDayAsKnownAtExit;

    /**
     * @param exitDayAsKnownAtExit the defect this guards against, for showing that the comparison
     *     can fail: an exit day's coverage as known at the exit also in the window of later days
     */
    private StayReference(
            List<RandomTravellers.Event> history, Instant asOf, boolean exitDayAsKnownAtExit) {
        this.events = new ArrayList<>(history);
        this.events.sort(RandomTravellers.Event::compare);
        this.asOf = asOf;
        this.exitDayAsKnownAtExit = exitDayAsKnownAtExit;
    }

    static List<String> alerts(List<RandomTravellers.Event> history, Instant asOf) {
        return new StayReference(history, asOf, false).alerts();
    }

    static List<String> alertsWithExitDayAsKnownAtExit(
            List<RandomTravellers.Event> history, Instant asOf) {
        return new StayReference(history, asOf, true).alerts();
    }

    /** A stay: its first day, citizenship, and the index of its exit ({@code -1}: still on). */
    private record Stay(LocalDate first, String citizenship, int exit) {}

    private List<String> alerts() {
        List<Stay> stays = stays();
        List<String> alerts = new ArrayList<>();
        List<LocalDate> earlierUncovered = new ArrayList<>();
        for (Stay stay : stays) {
            int[] limits = "KAZ".equals(stay.citizenship) ? null : limitsOf(stay.citizenship);
            LocalDate last =
                    stay.exit >= 0
                            ? events.get(stay.exit).day()
                            : KazakhstanTime.dateOf(asOf).minusDays(1);
            int uncoveredInStay = 0;
            int unlawful = 0;
            List<LocalDate> stayUncovered = new ArrayList<>();
            for (LocalDate d = stay.first; !d.isAfter(last); d = d.plusDays(1)) {
                boolean exitDay = stay.exit >= 0 && d.equals(last);
                boolean covered = exitDay ? coveredBefore(stay.exit, d) : covered(d);
                if (covered) {
                    continue;
                }
                uncoveredInStay++;
                // distinct days: a day shared with the previous stay is one day
                Set<LocalDate> window = new HashSet<>(List.of(d));
                for (List<LocalDate> days : List.of(earlierUncovered, stayUncovered)) {
                    for (LocalDate u : days) {
                        if (u.isBefore(d) && u.isAfter(d.minusDays(180))) {
                            window.add(u);
                        }
                    }
                }
                int inWindow = window.size();
                if (limits != null && (uncoveredInStay > limits[0] || inWindow > limits[1])) {
                    unlawful++;
                    boolean marked = unlawful == 1 || unlawful == 4 || unlawful == 11;
                    if (marked && !exitDay) {
                        alerts.add("OVERSTAY " + KazakhstanTime.endOf(d) + " " + unlawful);
                    }
                }
                stayUncovered.add(d);
            }
            if (stay.exit >= 0 && unlawful > 0) {
                alerts.add("OVERSTAY_ENDED " + events.get(stay.exit).at() + " " + unlawful);
            }
            // Later days see every day of this stay with the documents of that whole day.
            for (LocalDate u : stayUncovered) {
                boolean lastDay = u.equals(last) && stay.exit >= 0;
                if (!lastDay || exitDayAsKnownAtExit || !covered(u)) {
                    if (!earlierUncovered.contains(u)) {
                        earlierUncovered.add(u);
                    }
                }
            }
        }
        return alerts;
    }

    private static int[] limitsOf(String citizenship) {
        return LIMITS.getOrDefault(citizenship, DEFAULT);
    }

    private List<Stay> stays() {
        List<Stay> stays = new ArrayList<>();
        Stay open = null;
        for (int i = 0; i < events.size(); i++) {
            RandomTravellers.Event e = events.get(i);
            if (e.kind().equals("ENTRY") && open == null) {
                open = new Stay(e.day(), e.citizenship(), -1);
            } else if (e.kind().equals("EXIT") && open != null) {
                stays.add(new Stay(open.first, open.citizenship, i));
                open = null;
            }
        }
        if (open != null) {
            stays.add(open);
        }
        return stays;
    }

    /** Whether {@code day} is covered by the documents of the whole history. */
    private boolean covered(LocalDate day) {
        return coveredBefore(events.size(), day);
    }

    /** Whether {@code day} is covered by the documents of the first {@code n} events. */
    private boolean coveredBefore(int n, LocalDate day) {
        // document -> {first day, last day}; residence documents are marked for deregistration
        List<String> names = new ArrayList<>();
        List<LocalDate[]> periods = new ArrayList<>();
        for (RandomTravellers.Event e : events.subList(0, n)) {
            LocalDate d = e.day();
            switch (e.kind()) {
                case "ENTRY" -> {
                    if (e.until() != null) {
                        names.add("visa");
                        periods.add(new LocalDate[] {d, e.until()});
                    }
                }
                case "TEMPORARY_RESIDENCE" -> {
                    names.add("residence");
                    periods.add(new LocalDate[] {d, e.until()});
                }
                case "PERMANENT_RESIDENCE" -> {
                    names.add("residence");
                    periods.add(new LocalDate[] {d, LocalDate.MAX});
                }
                case "DEREGISTRATION" -> endAll(names, periods, "residence", d);
                case "PERMIT_ISSUED" -> {
                    endAll(names, periods, "permit " + e.permitId(), d);
                    names.add("permit " + e.permitId());
                    periods.add(new LocalDate[] {d, e.until()});
                }
                case "PERMIT_REVOKED" -> endAll(names, periods, "permit " + e.permitId(), d);
                default -> {}
            }
        }
        for (LocalDate[] p : periods) {
            if (!day.isBefore(p[0]) && !day.isAfter(p[1])) {
                return true;
            }
        }
        return false;
    }

    private static void endAll(
            List<String> names, List<LocalDate[]> periods, String name, LocalDate lastDay) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name) && periods.get(i)[1].isAfter(lastDay)) {
                periods.get(i)[1] = lastDay;
            }
        }
    }
}
