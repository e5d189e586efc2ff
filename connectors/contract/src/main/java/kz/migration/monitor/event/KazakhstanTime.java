package kz.migration.monitor.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Calendar days in Kazakhstan time, fixed UTC+05:00, as the contract counts them. */
public final class KazakhstanTime {

    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(5);

    private static final long OFFSET_SECONDS = 5 * 3600;
    private static final long SECONDS_PER_DAY = 86_400;
    private static final long MILLIS_PER_DAY = SECONDS_PER_DAY * 1000;

    private KazakhstanTime() {}

    /** The local date of an instant. */
    public static LocalDate dateOf(Instant instant) {
        // Arithmetic on the fixed offset: every event and day boundary asks, and
        // LocalDate.ofInstant
        // builds the offset's ZoneRules each time (a tenth of the place ledger's samples).
        return LocalDate.ofEpochDay(
                Math.floorDiv(instant.getEpochSecond() + OFFSET_SECONDS, SECONDS_PER_DAY));
    }

    /** The local date of an epoch-millisecond timestamp. */
    public static LocalDate dateOf(long epochMillis) {
        return LocalDate.ofEpochDay(
                Math.floorDiv(epochMillis + OFFSET_SECONDS * 1000, MILLIS_PER_DAY));
    }

    /** 00:00+05:00 of the day. */
    public static Instant startOf(LocalDate date) {
        return Instant.ofEpochSecond(date.toEpochDay() * SECONDS_PER_DAY - OFFSET_SECONDS);
    }

    /** The instant a day ends: 00:00+05:00 of the next day. */
    public static Instant endOf(LocalDate date) {
        return startOf(date.plusDays(1));
    }

    /** {@link #endOf} in epoch milliseconds, for timers. */
    public static long endMillisOf(LocalDate date) {
        return (date.toEpochDay() + 1) * MILLIS_PER_DAY - OFFSET_SECONDS * 1000;
    }
}
