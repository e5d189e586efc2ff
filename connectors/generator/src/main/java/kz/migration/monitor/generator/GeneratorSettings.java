package kz.migration.monitor.generator;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a {@link TrafficGenerator} produces.
 *
 * @param seed the seed of every random choice: the same settings give byte-identical output
 * @param start the first generated day (Kazakhstan time, UTC+05:00)
 * @param days how many consecutive days to generate
 * @param scale border events per day on average (entries plus exits); the other streams scale with
 *     it, so {@value #DEFAULT_SCALE} gives the national volumes of the domain notes
 * @param lateShare share of records delivered 1-10 minutes after their neighbours
 * @param outOfOrderShare share of records delivered a few seconds late (small shuffles)
 * @param duplicateShare share of records re-sent with the same {@code eventId}, some with a later
 *     {@code occurredAt}
 * @param malformedShare share of records followed by a deliberately invalid one
 */
public record GeneratorSettings(
        long seed,
        LocalDate start,
        int days,
        int scale,
        double lateShare,
        double outOfOrderShare,
        double duplicateShare,
        double malformedShare) {

    public static final LocalDate DEFAULT_START = LocalDate.of(2026, 1, 1);

    /** About 30 million border events a year, the design load of the domain notes. */
    public static final int DEFAULT_SCALE = 80_000;

    /** Room for peaks of three times the design load and for load tests beyond it. */
    public static final int MAX_SCALE = 2_000_000;

    /** Twenty years; longer runs are a mistake rather than a use. */
    public static final int MAX_DAYS = 7_305;

    public GeneratorSettings {
        Objects.requireNonNull(start, "start");
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException(
                    "days must be between 1 and " + MAX_DAYS + ": " + days);
        }
        if (scale < 1 || scale > MAX_SCALE) {
            throw new IllegalArgumentException(
                    "scale must be between 1 and "
                            + MAX_SCALE
                            + " border events per day: "
                            + scale);
        }
        checkShare("late", lateShare);
        checkShare("out-of-order", outOfOrderShare);
        checkShare("duplicate", duplicateShare);
        checkShare("malformed", malformedShare);
    }

    /** Seed 1, 2026-01-01, one day at the national scale, no disorder. */
    public static GeneratorSettings defaults() {
        return new GeneratorSettings(1, DEFAULT_START, 1, DEFAULT_SCALE, 0, 0, 0, 0);
    }

    public GeneratorSettings withSeed(long newSeed) {
        return new GeneratorSettings(
                newSeed,
                start,
                days,
                scale,
                lateShare,
                outOfOrderShare,
                duplicateShare,
                malformedShare);
    }

    public GeneratorSettings withDays(int newDays) {
        return new GeneratorSettings(
                seed,
                start,
                newDays,
                scale,
                lateShare,
                outOfOrderShare,
                duplicateShare,
                malformedShare);
    }

    public GeneratorSettings withScale(int newScale) {
        return new GeneratorSettings(
                seed,
                start,
                days,
                newScale,
                lateShare,
                outOfOrderShare,
                duplicateShare,
                malformedShare);
    }

    /** The same traffic delivered with the given shares of imperfect records. */
    public GeneratorSettings withDisorder(
            double late, double outOfOrder, double duplicate, double malformed) {
        return new GeneratorSettings(
                seed, start, days, scale, late, outOfOrder, duplicate, malformed);
    }

    private static void checkShare(String name, double share) {
        // NaN fails both comparisons, so it is rejected too
        if (!(share >= 0 && share <= 0.5)) {
            throw new IllegalArgumentException(name + " share must be between 0 and 0.5: " + share);
        }
    }
}
