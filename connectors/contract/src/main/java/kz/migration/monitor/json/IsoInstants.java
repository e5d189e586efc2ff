package kz.migration.monitor.json;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Hand-written parsers for the contract's ISO-8601 instants and local dates.
 *
 * <p>They exist because a profile showed the former path, a regex shape check followed by {@code
 * OffsetDateTime.parse} / {@code LocalDate.parse}, taking about a third of all record parsing time.
 * These scan the characters once and compute the value directly. They accept exactly the strings
 * the former path did: the shape {@code yyyy-MM-ddTHH:mm[:ss[.f{1,9}]](Z|±HH[:mm])} (upper-case
 * {@code T} and {@code Z}, ASCII digits only) and {@code java.time}'s strict ranges: month 1-12, a
 * day that exists in that month (leap years included), hour 0-23, minute and second 0-59, offset
 * minutes 0-59 and an offset of at most 18 hours. (The shape check was there because {@code
 * java.time}'s ISO formatters alone also take forms that are not ISO-8601: lower-case {@code t} and
 * {@code z}, a bare decimal point, an offset with seconds, signed years beyond 9999.) {@code
 * IsoInstantsTest} holds them to that against {@code java.time} as the oracle; change both
 * together.
 */
final class IsoInstants {

    /** {@code yyyy-MM-ddTHH:mmZ}, the shortest instant. */
    private static final int SHORTEST_INSTANT = 17;

    private static final int DATE_LENGTH = 10;

    /** The most {@code java.time} allows an offset to be, either way. */
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    private static final long SECONDS_PER_DAY = 86_400L;

    /** Days from 0000-01-01 to 1970-01-01 in the proleptic Gregorian calendar. */
    private static final long DAYS_0000_TO_1970 = 719_528L;

    private IsoInstants() {}

    /** The instant {@code s} names, or {@code null} where it is not a contract instant. */
    static Instant instantOrNull(String s) {
        int n = s.length();
        if (n < SHORTEST_INSTANT) {
            return null;
        }
        int date = packedDate(s);
        if (date < 0 || s.charAt(10) != 'T' || s.charAt(13) != ':') {
            return null;
        }
        int hour = twoDigits(s, 11);
        int minute = twoDigits(s, 14);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return null;
        }
        int i = 16;
        int second = 0;
        int nano = 0;
        if (s.charAt(i) == ':') {
            if (i + 3 > n) {
                return null;
            }
            second = twoDigits(s, i + 1);
            if (second < 0 || second > 59) {
                return null;
            }
            i += 3;
            if (i < n && s.charAt(i) == '.') {
                int start = ++i;
                // At most nine digits; a tenth is left for the offset check, which refuses it.
                while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
                    nano = nano * 10 + (s.charAt(i) - '0');
                    i++;
                }
                if (i == start) {
                    return null;
                }
                for (int k = i - start; k < 9; k++) {
                    nano *= 10;
                }
            }
        }
        int offset = offsetSeconds(s, i);
        if (offset == Integer.MIN_VALUE) {
            return null;
        }
        long seconds =
                epochDay(date) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second - offset;
        return Instant.ofEpochSecond(seconds, nano);
    }

    /** The date {@code s} names, or {@code null} where it is not a contract local date. */
    static LocalDate dateOrNull(String s) {
        if (s.length() != DATE_LENGTH) {
            return null;
        }
        int date = packedDate(s);
        return date < 0 ? null : LocalDate.of(date >>> 9, (date >>> 5) & 0xF, date & 0x1F);
    }

    /**
     * The offset that takes up all of {@code s} from {@code i} ({@code Z}, {@code ±HH} or {@code
     * ±HH:mm}) in seconds, or {@link Integer#MIN_VALUE} where there is none.
     */
    private static int offsetSeconds(String s, int i) {
        int rest = s.length() - i;
        if (rest < 1) {
            return Integer.MIN_VALUE;
        }
        char sign = s.charAt(i);
        if (sign == 'Z') {
            return rest == 1 ? 0 : Integer.MIN_VALUE;
        }
        if (sign != '+' && sign != '-') {
            return Integer.MIN_VALUE;
        }
        int hours;
        int minutes = 0;
        if (rest == 3) {
            hours = twoDigits(s, i + 1);
        } else if (rest == 6 && s.charAt(i + 3) == ':') {
            hours = twoDigits(s, i + 1);
            minutes = twoDigits(s, i + 4);
        } else {
            return Integer.MIN_VALUE;
        }
        if (hours < 0 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3600 + minutes * 60;
        if (seconds > MAX_OFFSET_SECONDS) {
            return Integer.MIN_VALUE;
        }
        return sign == '-' ? -seconds : seconds;
    }

    /**
     * The {@code yyyy-MM-dd} at the start of {@code s} (at least ten characters long) as {@code
     * year << 9 | month << 5 | day}, or -1 where it is not a valid date.
     */
    private static int packedDate(String s) {
        int century = twoDigits(s, 0);
        int yearOfCentury = twoDigits(s, 2);
        if (century < 0 || yearOfCentury < 0 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return -1;
        }
        int year = century * 100 + yearOfCentury;
        int month = twoDigits(s, 5);
        int day = twoDigits(s, 8);
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            return -1;
        }
        return year << 9 | month << 5 | day;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** Days since 1970-01-01 of a packed date; the years are 0-9999, never negative. */
    private static long epochDay(int date) {
        long year = date >>> 9;
        int month = (date >>> 5) & 0xF;
        int day = date & 0x1F;
        long days = 365 * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
        days += (367 * month - 362) / 12 + day - 1;
        if (month > 2) {
            days -= isLeap((int) year) ? 1 : 2;
        }
        return days - DAYS_0000_TO_1970;
    }

    /** The two ASCII digits at {@code i} as a number, or -1. */
    private static int twoDigits(String s, int i) {
        int tens = s.charAt(i) - '0';
        int ones = s.charAt(i + 1) - '0';
        if (tens < 0 || tens > 9 || ones < 0 || ones > 9) {
            return -1;
        }
        return tens * 10 + ones;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
