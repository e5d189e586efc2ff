package kz.migration.monitor.generator;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Trips across the border. A foreigner ENTERs and later EXITs, within the stay limit of the
 * citizenship's group, beyond it with a visa or permit ({@code permitUntil}), or, for about 1%,
 * beyond it without one (overstays, some of them visa runners whose repeated short trips exceed 90
 * days in 180). Those who overstay more than ten days are expelled at their exit ({@link
 * EntryBans}). A citizen of Kazakhstan EXITs and comes back.
 */
final class BorderTraffic {

    /** Border events per trip is two; visa runs add a few. */
    private static final double EVENTS_PER_TRIP = 2.1;

    private static final double KAZ_SHARE = 0.5;
    private static final double OVERSTAY_SHARE = 0.007;
    private static final double VISA_RUN_SHARE = 0.03;
    private static final double VISA_RUN_EXCESSIVE = 0.1;

    private static final WeightedChoice<String> PURPOSE =
            WeightedChoice.of(
                    "PRIVATE",
                    35,
                    "TOURISM",
                    25,
                    "BUSINESS",
                    15,
                    "WORK",
                    12,
                    "TRANSIT",
                    6,
                    "STUDY",
                    3,
                    "OTHER",
                    3,
                    "RESIDENCE",
                    1);
    private static final WeightedChoice<String> DOCUMENT_PURPOSE =
            WeightedChoice.of("WORK", 60, "STUDY", 20, "BUSINESS", 15, "RESIDENCE", 5);

    private final SplittableRandom rng;
    private final IdSource ids;
    private final Schedule schedule;
    private final long outputStart;
    private final CheckpointChoice checkpoints;
    private final EntryBans bans;

    /**
     * Trips that end before {@code outputStart} (epoch seconds, the warm-up) are not planned; the
     * overstayers that art. 517 expels are reported to {@code bans}.
     */
    BorderTraffic(
            SplittableRandom rng,
            IdSource ids,
            Schedule schedule,
            long outputStart,
            CheckpointChoice checkpoints,
            EntryBans bans) {
        this.rng = rng;
        this.ids = ids;
        this.schedule = schedule;
        this.outputStart = outputStart;
        this.checkpoints = checkpoints;
        this.bans = bans;
    }

    /** The longest a planned trip lasts, so a warm-up this long fills the country with visitors. */
    static int longestTripDays() {
        return 130;
    }

    /**
     * Plans the trips that start on {@code day}; events before the schedule's start are dropped.
     */
    void planDay(LocalDate day, int scale) {
        long dayStart = InstantText.startOf(day);
        int trips = Volume.count(scale * Volume.borderFactor(day) / EVENTS_PER_TRIP, rng);
        for (int i = 0; i < trips; i++) {
            if (rng.nextDouble() < KAZ_SHARE) {
                citizenTrip(dayStart);
            } else {
                foreignTrip(dayStart);
            }
        }
    }

    private void citizenTrip(long dayStart) {
        double r = rng.nextDouble();
        int days =
                r < 0.2
                        ? 1
                        : r < 0.6
                                ? Volume.between(rng, 2, 5)
                                : r < 0.9
                                        ? Volume.between(rng, 6, 14)
                                        : Volume.between(rng, 15, 60);
        long exitAt = dayStart + Volume.timeOfDay(rng);
        long returnAt = laterCrossing(exitAt, days);
        if (returnAt < outputStart) {
            return;
        }
        Checkpoint out =
                rng.nextDouble() < 0.45 ? checkpoints.byAir(rng) : checkpoints.anywhere(rng);
        Checkpoint back = rng.nextDouble() < 0.8 ? out : checkpoints.anywhere(rng);
        long person = ids.newPerson();
        schedule.add(new PlannedEvent.Crossing(exitAt, person, "KAZ", out, false, null, null));
        schedule.add(new PlannedEvent.Crossing(returnAt, person, "KAZ", back, true, null, null));
    }

    private void foreignTrip(long dayStart) {
        String citizenship = Travellers.FOREIGN.pick(rng);
        int limit = Travellers.daysPerEntry(citizenship);
        boolean eaeu = Travellers.EAEU.contains(citizenship);
        long entryAt = dayStart + Volume.timeOfDay(rng);
        LocalDate entryDate = InstantText.dateOf(entryAt);
        String purpose = rng.nextDouble() < 0.55 ? PURPOSE.pick(rng) : null;
        LocalDate permitUntil = null;
        int legs = 1;
        int days;
        int overstayDays = 0;
        double u = rng.nextDouble();
        double documentShare = eaeu ? 0.02 : 0.06;
        if (u < OVERSTAY_SHARE) {
            overstayDays = Volume.between(rng, 1, 20);
            days = limit + overstayDays;
        } else if (u < OVERSTAY_SHARE + documentShare) {
            int valid = Volume.between(rng, 30, 365);
            permitUntil = entryDate.plusDays(valid - 1);
            purpose = DOCUMENT_PURPOSE.pick(rng);
            days = Volume.between(rng, 1, valid);
        } else if (!eaeu && u < OVERSTAY_SHARE + documentShare + VISA_RUN_SHARE) {
            legs = rng.nextDouble() < VISA_RUN_EXCESSIVE ? 4 : 2;
            days = Volume.between(rng, limit * 2 / 3, limit);
        } else {
            days = shortStay(limit, eaeu);
        }
        if (legs == 1 && entryAt + (long) days * InstantText.DAY_SECONDS < outputStart) {
            return; // a warm-up trip over before the output starts
        }
        long person = ids.newPerson();
        Checkpoint in = checkpoints.forCitizen(citizenship, rng);
        schedule.add(
                new PlannedEvent.Crossing(
                        entryAt, person, citizenship, in, true, purpose, permitUntil));
        long at = entryAt;
        for (int leg = 1; leg <= legs; leg++) {
            long exitAt = laterCrossing(at, days);
            Checkpoint out =
                    rng.nextDouble() < 0.75 ? in : checkpoints.forCitizen(citizenship, rng);
            schedule.add(
                    new PlannedEvent.Crossing(exitAt, person, citizenship, out, false, null, null));
            if (overstayDays > EntryBans.EXPULSION_AFTER_DAYS) {
                bans.expelled(person, citizenship, exitAt, out);
            }
            if (leg < legs) {
                // the visa run: straight back in, the same day or the next
                at = laterCrossing(exitAt, rng.nextInt(2) + 1);
                schedule.add(
                        new PlannedEvent.Crossing(
                                at, person, citizenship, out, true, purpose, null));
            }
        }
    }

    private int shortStay(int limit, boolean eaeu) {
        double r = rng.nextDouble();
        if (eaeu) {
            return r < 0.55
                    ? Volume.between(rng, 1, 7)
                    : r < 0.85 ? Volume.between(rng, 8, 30) : Volume.between(rng, 31, limit);
        }
        int week = Math.min(7, limit);
        return r < 0.65 ? Volume.between(rng, 1, week) : Volume.between(rng, week + 1, limit);
    }

    /**
     * A crossing on the {@code days}-th day counted from {@code from}'s day (1 = the same day),
     * always after {@code from}: a stay of N days has N stay days, entry and exit days included.
     */
    private long laterCrossing(long from, int days) {
        long dayStart = InstantText.startOf(InstantText.dateOf(from));
        if (days <= 1) {
            long left = dayStart + InstantText.DAY_SECONDS - 1 - from;
            if (left >= 1800) {
                return from + Volume.between(rng, 900, (int) left);
            }
            days = 2;
        }
        return dayStart + (long) (days - 1) * InstantText.DAY_SECONDS + Volume.timeOfDay(rng);
    }
}
