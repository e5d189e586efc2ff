package kz.migration.monitor.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Input records of the contract's streams as JSON lines, and alerts read back as one-line
 * summaries, so that replay tests state their cases and expectations in a few readable lines.
 */
final class InputLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A border checkpoint: its code and the region and city it lies in. */
    record Checkpoint(String code, String region, String city) {}

    /** Land border with Uzbekistan, Turkistan region. */
    static final Checkpoint SARYAGASH = new Checkpoint("ZHIBEK-ZHOLY", "KZ-61", "Saryagash");

    /** Almaty airport, Almaty city. */
    static final Checkpoint ALMATY = new Checkpoint("ALA", "KZ-75", "Almaty");

    private InputLines() {}

    static String entry(
            String id,
            String at,
            String person,
            String citizenship,
            Checkpoint cp,
            String... extra) {
        return crossing(id, at, person, citizenship, "ENTRY", cp, extra);
    }

    static String exit(
            String id,
            String at,
            String person,
            String citizenship,
            Checkpoint cp,
            String... extra) {
        return crossing(id, at, person, citizenship, "EXIT", cp, extra);
    }

    static String crossing(
            String id,
            String at,
            String person,
            String citizenship,
            String direction,
            Checkpoint cp,
            String... extra) {
        return record(
                with(
                        extra,
                        "eventId",
                        id,
                        "occurredAt",
                        at,
                        "personId",
                        person,
                        "citizenship",
                        citizenship,
                        "direction",
                        direction,
                        "checkpoint",
                        cp.code(),
                        "region",
                        cp.region(),
                        "city",
                        cp.city()));
    }

    static String registration(
            String id,
            String at,
            String person,
            String citizenship,
            String kind,
            String region,
            String city,
            String... extra) {
        return ofKind(id, at, person, citizenship, kind, region, city, extra);
    }

    static String employment(
            String id,
            String at,
            String person,
            String citizenship,
            String kind,
            String region,
            String city,
            String... extra) {
        return ofKind(id, at, person, citizenship, kind, region, city, extra);
    }

    /** Registrations and employment records share their required fields. */
    private static String ofKind(
            String id,
            String at,
            String person,
            String citizenship,
            String kind,
            String region,
            String city,
            String[] extra) {
        return record(
                with(
                        extra,
                        "eventId",
                        id,
                        "occurredAt",
                        at,
                        "personId",
                        person,
                        "citizenship",
                        citizenship,
                        "kind",
                        kind,
                        "region",
                        region,
                        "city",
                        city));
    }

    /**
     * Four DEFAULT-group stays, each leaving in the morning of the day the next one starts that
     * evening: A Jan 1..Jan 30, B Jan 30..Feb 28, C Feb 28..Mar 29 (30 days each), D from Mar 29 at
     * Almaty. Distinct days: 88 by Mar 29, so Apr 1 is the 91st, the first unlawful day.
     */
    static String[] sharedDayStays(String person, String citizenship) {
        return new String[] {
            entry(person + "1", "2026-01-01T10:00:00+05:00", person, citizenship, SARYAGASH),
            exit(person + "2", "2026-01-30T08:00:00+05:00", person, citizenship, SARYAGASH),
            entry(person + "3", "2026-01-30T20:00:00+05:00", person, citizenship, SARYAGASH),
            exit(person + "4", "2026-02-28T08:00:00+05:00", person, citizenship, SARYAGASH),
            entry(person + "5", "2026-02-28T20:00:00+05:00", person, citizenship, SARYAGASH),
            exit(person + "6", "2026-03-29T08:00:00+05:00", person, citizenship, SARYAGASH),
            entry(person + "7", "2026-03-29T20:00:00+05:00", person, citizenship, ALMATY)
        };
    }

    private static String[] with(String[] extra, String... fields) {
        String[] all = new String[fields.length + extra.length];
        System.arraycopy(fields, 0, all, 0, fields.length);
        System.arraycopy(extra, 0, all, fields.length, extra.length);
        return all;
    }

    /**
     * A JSON object of string fields given as name, value pairs; a {@code null} value is left out.
     */
    static String record(String... fields) {
        ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i + 1] != null) {
                o.put(fields[i], fields[i + 1]);
            }
        }
        return o.toString();
    }

    /**
     * Alerts as {@code "TYPE raisedAt SEVERITY overstayDays region/city citizenship person"}, with
     * the person named when the alert's {@code subjectRef} is the pseudonym of one of {@code
     * persons}, else {@code ?}.
     */
    static List<String> summaries(List<JsonNode> alerts, String... persons) {
        List<String> rows = new ArrayList<>();
        for (JsonNode a : alerts) {
            JsonNode days = a.get("details").get("overstayDays");
            rows.add(
                    a.get("type").asText()
                            + " "
                            + a.get("raisedAt").asText()
                            + " "
                            + a.get("severity").asText()
                            + " "
                            + (days == null ? "-" : days.asText())
                            + " "
                            + placeAndPerson(a, persons));
        }
        return rows;
    }

    /**
     * An alert as {@code "raisedAt SEVERITY AUDIENCE region/city citizenship person"}, the person
     * named as in {@link #summaries}; tests of one alert type append its details.
     */
    static String heading(JsonNode a, String... persons) {
        return a.get("raisedAt").asText()
                + " "
                + a.get("severity").asText()
                + " "
                + a.get("audience").asText()
                + " "
                + placeAndPerson(a, persons);
    }

    /** {@code "region/city citizenship person"}, the person named as in {@link #summaries}. */
    private static String placeAndPerson(JsonNode a, String... persons) {
        return a.get("region").asText(null)
                + "/"
                + a.get("city").asText(null)
                + " "
                + a.get("citizenship").asText(null)
                + " "
                + who(a, persons);
    }

    /**
     * The one of {@code persons} whose pseudonym is the alert's {@code subjectRef}, else {@code ?}.
     */
    private static String who(JsonNode alert, String... persons) {
        for (String p : persons) {
            if (ReplayRun.subjectRef(p).equals(alert.get("subjectRef").asText(null))) {
                return p;
            }
        }
        return "?";
    }
}
