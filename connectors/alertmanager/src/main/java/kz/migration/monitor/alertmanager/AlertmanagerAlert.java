package kz.migration.monitor.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One alert as Alertmanager's v2 API sees it: the labels identify it (Alertmanager deduplicates by
 * the label set), annotations carry the readable text, {@code startsAt}/{@code endsAt} its
 * lifetime. A {@code null} {@code endsAt} lets Alertmanager apply its {@code resolve_timeout}.
 *
 * @param labels identifying labels, never a person identifier
 * @param annotations readable text (summary, description, ...)
 * @param startsAt when the alert began, or {@code null} for "now"
 * @param endsAt when it ends (in the past or now: resolved), or {@code null}
 * @param generatorUrl optional link back to the source
 */
public record AlertmanagerAlert(
        Map<String, String> labels,
        Map<String, String> annotations,
        Instant startsAt,
        Instant endsAt,
        String generatorUrl) {

    /** Copies the maps (sorted, so the JSON is stable) and rejects an alert without labels. */
    public AlertmanagerAlert {
        Objects.requireNonNull(labels, "labels");
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("an alert needs at least one label");
        }
        labels = Map.copyOf(new TreeMap<>(labels));
        annotations = annotations == null ? Map.of() : Map.copyOf(new TreeMap<>(annotations));
    }

    /** The same alert, ending at {@code end}: posting it resolves the alert in Alertmanager. */
    public AlertmanagerAlert endingAt(Instant end) {
        return new AlertmanagerAlert(labels, annotations, startsAt, end, generatorUrl);
    }

    /** The value of label {@code name}, or {@code null}. */
    public String label(String name) {
        return labels.get(name);
    }

    /** The postable JSON object of the v2 API. */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode node = f.objectNode();
        ObjectNode l = node.putObject("labels");
        new TreeMap<>(labels).forEach(l::put);
        ObjectNode a = node.putObject("annotations");
        new TreeMap<>(annotations).forEach(a::put);
        if (startsAt != null) {
            node.put("startsAt", startsAt.toString());
        }
        if (endsAt != null) {
            node.put("endsAt", endsAt.toString());
        }
        if (generatorUrl != null && !generatorUrl.isBlank()) {
            node.put("generatorURL", generatorUrl);
        }
        return node;
    }

    /** Reads a gettable alert of the v2 API (extra fields such as {@code status} are ignored). */
    public static AlertmanagerAlert fromJson(JsonNode node) {
        return new AlertmanagerAlert(
                strings(node.path("labels")),
                strings(node.path("annotations")),
                instant(node.path("startsAt")),
                instant(node.path("endsAt")),
                node.path("generatorURL").asText(null));
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static Instant instant(JsonNode value) {
        String text = value.asText("");
        // Alertmanager reports an unset time as Go's zero time; treat it as absent.
        if (text.isEmpty() || text.startsWith("0001-01-01")) {
            return null;
        }
        return java.time.OffsetDateTime.parse(text).toInstant();
    }
}
