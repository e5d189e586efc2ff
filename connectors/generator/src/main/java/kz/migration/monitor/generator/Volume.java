package kz.migration.monitor.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.SplittableRandom;

/** How much happens on a day, and when in the day; shared by the three traffic models. */
final class Volume {

    private Volume() {}

    /**
     * Border traffic peaks in summer and at weekends; both factors average about 1 over a year, so
     * the scale stays the mean daily count.
     */
    static double borderFactor(LocalDate day) {
        double season = 1 + 0.2 * Math.sin(2 * Math.PI * (day.getDayOfYear() - 100) / 365.0);
        DayOfWeek dow = day.getDayOfWeek();
        double week = dow == DayOfWeek.FRIDAY || dow.getValue() >= 6 ? 1.0667 : 0.95;
        return season * week;
    }

    /** Offices register and issue on working days; the weekend gets a little (online services). */
    static double officeFactor(LocalDate day) {
        return day.getDayOfWeek().getValue() >= 6 ? 0.3 : 1.28;
    }

    /** A whole count whose mean is {@code expected}, so small scales still see rare events. */
    static int count(double expected, SplittableRandom rng) {
        int whole = (int) expected;
        return whole + (rng.nextDouble() < expected - whole ? 1 : 0);
    }

    /** Seconds into a day: most events between 06:00 and 23:00 local time. */
    static int timeOfDay(SplittableRandom rng) {
        return rng.nextDouble() < 0.8
                ? 6 * 3600 + rng.nextInt(17 * 3600)
                : rng.nextInt(InstantText.DAY_SECONDS);
    }

    /** Seconds into a working day: 09:00 to 18:00. */
    static int officeTime(SplittableRandom rng) {
        return 9 * 3600 + rng.nextInt(9 * 3600);
    }

    /** A uniform int in [min, max]. */
    static int between(SplittableRandom rng, int min, int max) {
        return min + rng.nextInt(max - min + 1);
    }
}
