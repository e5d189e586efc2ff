package kz.migration.monitor.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kz.migration.monitor.event.Topics;

/**
 * The input rules of the contract (shared/spec/events.md), checked on Jackson trees: an independent
 * reading of the spec, so that the generator is not tested against itself.
 */
final class ContractCheck {

    static final Set<String> REGIONS =
            Set.of(
                    "KZ-10", "KZ-11", "KZ-15", "KZ-19", "KZ-23", "KZ-27", "KZ-31", "KZ-33", "KZ-35",
                    "KZ-39", "KZ-43", "KZ-47", "KZ-55", "KZ-59", "KZ-61", "KZ-62", "KZ-63", "KZ-71",
                    "KZ-75", "KZ-79");
    static final Set<String> CIS =
            Set.of("AZE", "ARM", "BLR", "KGZ", "MDA", "RUS", "TJK", "TKM", "UZB");
    private static final Set<String> PURPOSES =
            Set.of(
                    "TOURISM",
                    "BUSINESS",
                    "WORK",
                    "STUDY",
                    "PRIVATE",
                    "TRANSIT",
                    "RESIDENCE",
                    "OTHER");
    private static final Set<String> REGISTRATION_KINDS =
            Set.of(
                    "TEMPORARY_RESIDENCE",
                    "PERMANENT_RESIDENCE",
                    "RESIDENCE_CHANGE",
                    "DEREGISTRATION");
    private static final Set<String> EMPLOYMENT_KINDS =
            Set.of("PERMIT_ISSUED", "PERMIT_REVOKED", "HIRED", "TERMINATED");
    private static final Set<String> CATEGORIES =
            Set.of("CAT1", "CAT2", "CAT3", "CAT4", "SEASONAL");
    private static final Set<String> SECTORS =
            Set.of(
                    "CONSTRUCTION",
                    "AGRICULTURE",
                    "MINING",
                    "MANUFACTURING",
                    "SERVICES",
                    "IT",
                    "HEALTH",
                    "EDUCATION",
                    "OTHER");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<String> problems = new ArrayList<>();
    private JsonNode record;

    private ContractCheck() {}

    /** The contract violations of one line of {@code stream}; empty when it is valid. */
    static List<String> problems(String stream, String line) {
        ContractCheck check = new ContractCheck();
        try {
            check.record = MAPPER.readTree(line);
        } catch (Exception e) {
            return List.of("not JSON");
        }
        if (check.record == null || !check.record.isObject()) {
            return List.of("not a JSON object");
        }
        check.check(stream);
        return check.problems;
    }

    private void check(String stream) {
        LocalDate day = instant("occurredAt");
        if (stream.equals(Topics.REFERENCE_DATA)) {
            referenceData();
            return;
        }
        text("eventId", true, 64);
        text("personId", true, 64);
        String citizenship = text("citizenship", true, 3);
        if (citizenship != null && !citizenship.matches("[A-Z]{3}")) {
            problems.add("citizenship");
        }
        region("region", true);
        switch (stream) {
            case Topics.BORDER_CROSSINGS -> {
                oneOf("direction", Set.of("ENTRY", "EXIT"), true);
                text("checkpoint", true, 32);
                oneOf("purpose", PURPOSES, false);
                notBefore("permitUntil", day, false);
            }
            case Topics.REGISTRATIONS -> {
                String kind = oneOf("kind", REGISTRATION_KINDS, true);
                region("previousRegion", "RESIDENCE_CHANGE".equals(kind));
                notBefore("validUntil", day, "TEMPORARY_RESIDENCE".equals(kind));
                oneOf("program", Set.of("KANDAS", "RESETTLEMENT"), false);
            }
            case Topics.EMPLOYMENT -> {
                String kind = oneOf("kind", EMPLOYMENT_KINDS, true);
                boolean issued = "PERMIT_ISSUED".equals(kind);
                text("permitId", issued || "PERMIT_REVOKED".equals(kind), 64);
                oneOf("category", CATEGORIES, issued);
                notBefore("permitUntil", day, issued);
                oneOf("sector", SECTORS, false);
            }
            default -> problems.add("unknown stream " + stream);
        }
    }

    private void referenceData() {
        String kind = oneOf("kind", Set.of("QUOTA", "INFLOW_THRESHOLD"), true);
        region("region", true);
        if ("QUOTA".equals(kind)) {
            if (!record.path("year").isInt()) {
                problems.add("year");
            }
            Set<String> categories = new java.util.HashSet<>(CATEGORIES);
            categories.add("ALL");
            oneOf("category", categories, true);
            if (!record.path("limit").isInt() || record.path("limit").asInt() < 0) {
                problems.add("limit");
            }
        } else if (!record.path("netInflow7d").isInt() || record.path("netInflow7d").asInt() < 1) {
            problems.add("netInflow7d");
        }
    }

    private String text(String field, boolean required, int maxLength) {
        JsonNode node = record.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problems.add("missing " + field);
            }
            return null;
        }
        if (!node.isTextual() || node.asText().isEmpty() || node.asText().length() > maxLength) {
            problems.add(field);
            return null;
        }
        return node.asText();
    }

    private String oneOf(String field, Set<String> values, boolean required) {
        String value = text(field, required, 64);
        if (value != null && !values.contains(value)) {
            problems.add(field + "=" + value);
            return null;
        }
        return value;
    }

    private void region(String field, boolean required) {
        oneOf(field, REGIONS, required);
    }

    private LocalDate instant(String field) {
        String value = text(field, true, 64);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .withOffsetSameInstant(ZoneOffset.ofHours(5))
                    .toLocalDate();
        } catch (Exception e) {
            problems.add(field + " not an instant with offset");
            return null;
        }
    }

    private void notBefore(String field, LocalDate day, boolean required) {
        String value = text(field, required, 10);
        if (value == null) {
            return;
        }
        try {
            if (day != null && LocalDate.parse(value).isBefore(day)) {
                problems.add(field + " before occurredAt");
            }
        } catch (Exception e) {
            problems.add(field + " not a date");
        }
    }
}
