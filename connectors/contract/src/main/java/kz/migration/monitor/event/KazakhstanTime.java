package kz.migration.monitor.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Calendar days in Kazakhstan time, fixed UTC+05:00, as the contract counts them. */
public final class KazakhstanTime {

    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(5);

    private KazakhstanTime() {}

    /** The local date of an instant. */
    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, OFFSET);
    }

    /** The local date of an epoch-millisecond timestamp. */
    public static LocalDate dateOf(long epochMillis) {
        return dateOf(Instant.ofEpochMilli(epochMillis));
    }

    /** 00:00+05:00 of the day. */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay().toInstant(OFFSET);
    }

    /** The instant a day ends: 00:00+05:00 of the next day. */
    public static Instant endOf(LocalDate date) {
        return startOf(date.plusDays(1));
    }

    /** {@link #endOf} in epoch milliseconds, for timers. */
    public static long endMillisOf(LocalDate date) {
        return endOf(date).toEpochMilli();
    }
}
