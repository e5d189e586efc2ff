package kz.migration.monitor.fuzz;

import java.util.List;
import java.util.Map;
import kz.migration.monitor.event.SourceStream;

/**
 * What the contract allows in one field, so that the mutator can write both allowed and hostile
 * values for it.
 *
 * @param format the value's format
 * @param values the allowed constants of an {@link Format#ENUM}
 * @param min smallest allowed {@link Format#INTEGER}, or longest allowed string
 * @param max largest allowed {@link Format#INTEGER}
 */
record FieldKind(Format format, List<String> values, long min, long max) {

    /** The formats of the contract's fields. */
    enum Format {
        STRING,
        TEXT,
        CITY,
        INSTANT,
        DATE,
        DATE_FROM_OCCURRED_AT,
        CITIZENSHIP,
        REGION,
        ENUM,
        INTEGER,
        BOOLEAN
    }

    private static final FieldKind ID64 = string(64);
    private static final FieldKind INSTANT = of(Format.INSTANT);
    private static final FieldKind CITIZENSHIP = of(Format.CITIZENSHIP);
    private static final FieldKind REGION = of(Format.REGION);
    private static final FieldKind CITY = of(Format.CITY);
    private static final FieldKind DATE_FROM = of(Format.DATE_FROM_OCCURRED_AT);
    private static final List<String> SECTORS =
            List.of(
                    "CONSTRUCTION",
                    "AGRICULTURE",
                    "MINING",
                    "MANUFACTURING",
                    "SERVICES",
                    "IT",
                    "HEALTH",
                    "EDUCATION",
                    "OTHER");
    private static final List<String> CATEGORIES =
            List.of("CAT1", "CAT2", "CAT3", "CAT4", "SEASONAL");

    /** The contract's fields of each stream, as in {@code shared/spec/events.md}. */
    static Map<String, FieldKind> fieldsOf(SourceStream stream) {
        return switch (stream) {
            case BORDER_CROSSINGS ->
                    Map.of(
                            "eventId", ID64,
                            "occurredAt", INSTANT,
                            "personId", ID64,
                            "citizenship", CITIZENSHIP,
                            "direction", oneOf("ENTRY", "EXIT"),
                            "checkpoint", string(32),
                            "region", REGION,
                            "city", CITY,
                            "purpose",
                                    oneOf(
                                            "TOURISM",
                                            "BUSINESS",
                                            "WORK",
                                            "STUDY",
                                            "PRIVATE",
                                            "TRANSIT",
                                            "RESIDENCE",
                                            "OTHER"),
                            "permitUntil", DATE_FROM);
            case REGISTRATIONS ->
                    Map.ofEntries(
                            Map.entry("eventId", ID64),
                            Map.entry("occurredAt", INSTANT),
                            Map.entry("personId", ID64),
                            Map.entry("citizenship", CITIZENSHIP),
                            Map.entry(
                                    "kind",
                                    oneOf(
                                            "TEMPORARY_RESIDENCE",
                                            "PERMANENT_RESIDENCE",
                                            "RESIDENCE_CHANGE",
                                            "DEREGISTRATION")),
                            Map.entry("region", REGION),
                            Map.entry("city", CITY),
                            Map.entry("previousRegion", REGION),
                            Map.entry("previousCity", CITY),
                            Map.entry("validUntil", DATE_FROM),
                            Map.entry("program", oneOf("KANDAS", "RESETTLEMENT")));
            case EMPLOYMENT ->
                    Map.ofEntries(
                            Map.entry("eventId", ID64),
                            Map.entry("occurredAt", INSTANT),
                            Map.entry("personId", ID64),
                            Map.entry("citizenship", CITIZENSHIP),
                            Map.entry(
                                    "kind",
                                    oneOf(
                                            "PERMIT_ISSUED",
                                            "PERMIT_REVOKED",
                                            "HIRED",
                                            "TERMINATED")),
                            Map.entry("region", REGION),
                            Map.entry("city", CITY),
                            Map.entry("permitId", ID64),
                            Map.entry("category", new FieldKind(Format.ENUM, CATEGORIES, 0, 0)),
                            Map.entry("permitUntil", DATE_FROM),
                            Map.entry("sector", new FieldKind(Format.ENUM, SECTORS, 0, 0)),
                            Map.entry("employerId", of(Format.TEXT)));
            case REFERENCE_DATA ->
                    Map.ofEntries(
                            Map.entry("eventId", ID64),
                            Map.entry("occurredAt", INSTANT),
                            Map.entry(
                                    "kind",
                                    oneOf("QUOTA", "INFLOW_THRESHOLD", "ENTRY_BAN", "SHORTAGE")),
                            Map.entry("year", integer(1, 9999)),
                            Map.entry("region", REGION),
                            Map.entry(
                                    "category",
                                    oneOf("CAT1", "CAT2", "CAT3", "CAT4", "SEASONAL", "ALL")),
                            Map.entry("limit", integer(0, Long.MAX_VALUE)),
                            Map.entry("city", CITY),
                            Map.entry("netInflow7d", integer(1, Long.MAX_VALUE)),
                            Map.entry("personId", ID64),
                            Map.entry("until", of(Format.DATE)),
                            Map.entry("citizenship", CITIZENSHIP),
                            Map.entry("sector", new FieldKind(Format.ENUM, SECTORS, 0, 0)),
                            Map.entry("open", of(Format.BOOLEAN)));
        };
    }

    private static FieldKind of(Format format) {
        return new FieldKind(format, List.of(), 0, 0);
    }

    private static FieldKind string(int maxLength) {
        return new FieldKind(Format.STRING, List.of(), maxLength, 0);
    }

    private static FieldKind integer(long min, long max) {
        return new FieldKind(Format.INTEGER, List.of(), min, max);
    }

    private static FieldKind oneOf(String... values) {
        return new FieldKind(Format.ENUM, List.of(values), 0, 0);
    }
}
