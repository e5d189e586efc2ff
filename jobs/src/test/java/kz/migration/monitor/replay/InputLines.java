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

    static String entry(String id, String at, String person, String citizenship, Checkpoint cp, String... extra) {
        return crossing(id, at, person, citizenship, "ENTRY", cp, extra);
    }

    static String exit(String id, String at, String person, String citizenship, Checkpoint cp, String... extra) {
        return crossing(id, at, person, citizenship, "EXIT", cp, extra);
    }

    static String crossing(
            String id, String at, String person, String citizenship, String direction, Checkpoint cp,
            String... extra) {
        return record(
                with(extra, "eventId", id, "occurredAt", at, "personId", person, "citizenship", citizenship,
                        "direction", direction, "checkpoint", cp.code(), "region", cp.region(), "city", cp.city()));
    }

    static String registration(
            String id, String at, String person, String citizenship, String kind, String region, String city,
            String... extra) {
        return record(
                with(extra, "eventId", id, "occurredAt", at, "personId", person, "citizenship", citizenship,
                        "kind", kind, "region", region, "city", city));
    }

    static String employment(
            String id, String at, String person, String citizenship, String kind, String region, String city,
            String... extra) {
        return record(
                with(extra, "eventId", id, "occurredAt", at, "personId", person, "citizenship", citizenship,
                        "kind", kind, "region", region, "city", city));
    }

    private static String[] with(String[] extra, String... fields) {
        String[] all = new String[fields.length + extra.length];
        System.arraycopy(fields, 0, all, 0, fields.length);
        System.arraycopy(extra, 0, all, fields.length, extra.length);
        return all;
    }

    /** A JSON object of string fields given as name, value pairs; a {@code null} value is left out. */
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
     * the person named when the alert's {@code subjectRef} is the pseudonym of one of
     * {@code persons}, else {@code ?}.
     */
    static List<String> summaries(List<JsonNode> alerts, String... persons) {
        List<String> rows = new ArrayList<>();
        for (JsonNode a : alerts) {
            String who = "?";
            for (String p : persons) {
                if (ReplayRun.subjectRef(p).equals(a.get("subjectRef").asText(null))) {
                    who = p;
                }
            }
            JsonNode days = a.get("details").get("overstayDays");
            rows.add(
                    a.get("type").asText() + " " + a.get("raisedAt").asText() + " " + a.get("severity").asText() + " "
                            + (days == null ? "-" : days.asText()) + " " + a.get("region").asText(null) + "/"
                            + a.get("city").asText(null) + " " + a.get("citizenship").asText(null) + " " + who);
        }
        return rows;
    }
}
