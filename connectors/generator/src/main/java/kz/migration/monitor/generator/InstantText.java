package kz.migration.monitor.generator;

import java.time.LocalDate;

/**
 * Instants in Kazakhstan time ({@link kz.migration.monitor.event.KazakhstanTime}, fixed UTC+05:00)
 * as epoch seconds and their text, written fast: a generated year has tens of millions of instants
 * and {@code DateTimeFormatter} would be a large share of the cost.
 */
final class InstantText {

    static final int OFFSET_SECONDS =
            kz.migration.monitor.event.KazakhstanTime.OFFSET.getTotalSeconds();
    static final int DAY_SECONDS = 86_400;

    private long cachedDay = Long.MIN_VALUE;
    private String cachedDatePrefix;

    private InstantText() {}

    static InstantText create() {
        return new InstantText();
    }

    /** Epoch second of 00:00+05:00 on {@code date}. */
    static long startOf(LocalDate date) {
        return date.toEpochDay() * DAY_SECONDS - OFFSET_SECONDS;
    }

    /** The local date (UTC+05:00) of an epoch second. */
    static LocalDate dateOf(long epochSecond) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochSecond + OFFSET_SECONDS, DAY_SECONDS));
    }

    /** {@code 2026-03-01T10:15:00+05:00}. */
    String format(long epochSecond) {
        return formatLocal(epochSecond, "+05:00");
    }

    /** The same wall-clock text without an offset: an invalid instant, for malformed records. */
    String formatWithoutOffset(long epochSecond) {
        return formatLocal(epochSecond, "");
    }

    private String formatLocal(long epochSecond, String suffix) {
        long local = epochSecond + OFFSET_SECONDS;
        long day = Math.floorDiv(local, DAY_SECONDS);
        if (day != cachedDay) {
            cachedDay = day;
            cachedDatePrefix = LocalDate.ofEpochDay(day) + "T";
        }
        int secondOfDay = (int) Math.floorMod(local, DAY_SECONDS);
        StringBuilder sb = new StringBuilder(25).append(cachedDatePrefix);
        twoDigits(sb, secondOfDay / 3600).append(':');
        twoDigits(sb, secondOfDay / 60 % 60).append(':');
        twoDigits(sb, secondOfDay % 60);
        return sb.append(suffix).toString();
    }

    private static StringBuilder twoDigits(StringBuilder sb, int value) {
        return sb.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
