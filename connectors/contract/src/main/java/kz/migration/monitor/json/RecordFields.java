package kz.migration.monitor.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import kz.migration.monitor.event.KazakhstanTime;
import kz.migration.monitor.event.Region;

/**
 * Typed, validating reads of one JSON record's fields. Every failure names its field, which is what
 * a dead letter's reason and the dead-letter metric report. A JSON {@code null} counts as absent.
 */
final class RecordFields {

    private final ObjectNode node;

    RecordFields(ObjectNode node) {
        this.node = node;
    }

    private JsonNode present(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    private JsonNode required(String field) throws InvalidFieldException {
        JsonNode v = present(field);
        if (v == null) {
            throw new InvalidFieldException(field, "missing");
        }
        return v;
    }

    boolean has(String field) {
        return present(field) != null;
    }

    String requireString(String field, int maxLength) throws InvalidFieldException {
        String s = text(field, required(field));
        int length = s.codePointCount(0, s.length());
        if (length < 1 || length > maxLength) {
            throw new InvalidFieldException(
                    field, "must be 1.." + maxLength + " characters, has " + length);
        }
        return s;
    }

    String optionalString(String field, int maxLength) throws InvalidFieldException {
        return has(field) ? requireString(field, maxLength) : null;
    }

    /** Any JSON string, the empty one included: for free-text fields without a length rule. */
    String optionalText(String field) throws InvalidFieldException {
        JsonNode v = present(field);
        return v == null ? null : text(field, v);
    }

    /** A settlement name: trimmed; blank means absent. */
    String optionalCity(String field) throws InvalidFieldException {
        JsonNode v = present(field);
        if (v == null) {
            return null;
        }
        String s = text(field, v).strip();
        return s.isEmpty() ? null : s;
    }

    String requireCitizenship(String field) throws InvalidFieldException {
        String s = text(field, required(field));
        if (!isAlpha3(s)) {
            throw new InvalidFieldException(
                    field,
                    quote(s) + " is not an ISO 3166-1 alpha-3 code (three upper-case letters)");
        }
        return s;
    }

    String optionalCitizenship(String field) throws InvalidFieldException {
        return has(field) ? requireCitizenship(field) : null;
    }

    Instant requireInstant(String field) throws InvalidFieldException {
        String s = text(field, required(field));
        Instant instant = IsoInstants.instantOrNull(s);
        if (instant == null) {
            throw new InvalidFieldException(
                    field, quote(s) + " is not an ISO-8601 instant with an offset");
        }
        return instant;
    }

    LocalDate optionalDate(String field) throws InvalidFieldException {
        JsonNode v = present(field);
        if (v == null) {
            return null;
        }
        String s = text(field, v);
        LocalDate date = IsoInstants.dateOrNull(s);
        if (date == null) {
            throw new InvalidFieldException(field, quote(s) + " is not an ISO local date");
        }
        return date;
    }

    /** Any valid date, also one before {@code occurredAt}. */
    LocalDate requireDate(String field) throws InvalidFieldException {
        required(field);
        return optionalDate(field);
    }

    /** A date that must not lie before the local date of {@code occurredAt}. */
    LocalDate optionalDateFrom(String field, Instant occurredAt) throws InvalidFieldException {
        LocalDate d = optionalDate(field);
        LocalDate day = KazakhstanTime.dateOf(occurredAt);
        if (d != null && d.isBefore(day)) {
            throw new InvalidFieldException(
                    field, d + " is before the local date of occurredAt (" + day + ")");
        }
        return d;
    }

    LocalDate requireDateFrom(String field, Instant occurredAt) throws InvalidFieldException {
        required(field);
        return optionalDateFrom(field, occurredAt);
    }

    <E extends Enum<E>> E requireEnum(String field, Class<E> type) throws InvalidFieldException {
        required(field);
        return optionalEnum(field, type);
    }

    <E extends Enum<E>> E optionalEnum(String field, Class<E> type) throws InvalidFieldException {
        JsonNode v = present(field);
        if (v == null) {
            return null;
        }
        String s = text(field, v);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        throw new InvalidFieldException(
                field,
                quote(s)
                        + " is not one of "
                        + Arrays.stream(type.getEnumConstants())
                                .map(Enum::name)
                                .collect(Collectors.joining(", ")));
    }

    Region requireRegion(String field) throws InvalidFieldException {
        required(field);
        return optionalRegion(field);
    }

    Region optionalRegion(String field) throws InvalidFieldException {
        JsonNode v = present(field);
        if (v == null) {
            return null;
        }
        String s = text(field, v);
        Region r = Region.ofCode(s);
        if (r == null) {
            throw new InvalidFieldException(
                    field, quote(s) + " is not an ISO 3166-2:KZ region code (KZ-10 .. KZ-79)");
        }
        return r;
    }

    long requireInteger(String field, long min, long max) throws InvalidFieldException {
        JsonNode v = required(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new InvalidFieldException(field, v + " is not a JSON integer");
        }
        long n = v.longValue();
        if (n < min || n > max) {
            throw new InvalidFieldException(
                    field,
                    n + " is out of range " + min + ".." + (max == Long.MAX_VALUE ? "" : max));
        }
        return n;
    }

    boolean requireBoolean(String field) throws InvalidFieldException {
        JsonNode v = required(field);
        if (!v.isBoolean()) {
            throw new InvalidFieldException(
                    field,
                    "must be a JSON boolean (true or false), is "
                            + v.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return v.booleanValue();
    }

    private static String text(String field, JsonNode v) throws InvalidFieldException {
        if (!v.isTextual()) {
            throw new InvalidFieldException(
                    field,
                    "must be a JSON string, is " + v.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return v.textValue();
    }

    /** Three ASCII upper-case letters, the shape of an ISO 3166-1 alpha-3 code. */
    private static boolean isAlpha3(String s) {
        return s.length() == 3
                && isUpperAscii(s.charAt(0))
                && isUpperAscii(s.charAt(1))
                && isUpperAscii(s.charAt(2));
    }

    private static boolean isUpperAscii(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static String quote(String s) {
        String shown = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return "\"" + shown + "\"";
    }
}
