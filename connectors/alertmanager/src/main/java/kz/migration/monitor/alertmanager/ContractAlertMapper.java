package kz.migration.monitor.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one record of the {@code alerts} topic (the contract's alert JSON) into an Alertmanager
 * alert. Labels: {@code alertname} (the type), {@code severity}, {@code audience} (routing), {@code
 * region}, {@code subject} (the subjectRef pseudonym, person alerts only) and {@code alert_id}, so
 * two different alerts never overwrite each other while a redelivered one deduplicates. Everything
 * else, city and citizenship included, goes to annotations.
 */
public final class ContractAlertMapper {

    /**
     * The contract's alert type whose arrival resolves a subject's open {@code OVERSTAY} alerts.
     */
    public static final String OVERSTAY = "OVERSTAY";

    /** The contract's alert type raised at the exit that ends an overstay. */
    public static final String OVERSTAY_ENDED = "OVERSTAY_ENDED";

    private final Clock clock;
    private final Duration overstayLifetime;

    /**
     * @param clock wall clock for {@code startsAt}/{@code endsAt}
     * @param overstayLifetime how long an {@code OVERSTAY} stays open in Alertmanager without an
     *     {@code OVERSTAY_ENDED}: it is a state (the person is still here), not a one-off event, so
     *     it must outlive Alertmanager's {@code resolve_timeout}
     */
    public ContractAlertMapper(Clock clock, Duration overstayLifetime) {
        this.clock = clock;
        this.overstayLifetime = overstayLifetime;
    }

    /** A mapper on the system clock keeping overstays open for 30 days. */
    public ContractAlertMapper() {
        this(Clock.systemUTC(), Duration.ofDays(30));
    }

    /**
     * Maps one contract alert.
     *
     * @throws IllegalArgumentException when a required field (type, severity, audience, raisedAt)
     *     is missing or malformed: such a record can never be delivered
     */
    public AlertmanagerAlert map(JsonNode alert) {
        if (alert == null || !alert.isObject()) {
            throw new IllegalArgumentException("alert is not a JSON object");
        }
        String type = required(alert, "type");
        Instant raisedAt = parseInstant(required(alert, "raisedAt"));
        Instant now = clock.instant();

        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", type);
        labels.put("severity", required(alert, "severity"));
        labels.put("audience", required(alert, "audience"));
        putIfPresent(labels, "region", text(alert, "region"));
        putIfPresent(labels, "subject", text(alert, "subjectRef"));
        putIfPresent(labels, "alert_id", text(alert, "alertId"));

        JsonNode details = alert.path("details");
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", summary(type, alert, details));
        annotations.put("description", description(alert, details));
        annotations.put("raisedAt", raisedAt.toString());
        putIfPresent(annotations, "alertId", text(alert, "alertId"));
        putIfPresent(annotations, "city", text(alert, "city"));
        putIfPresent(annotations, "citizenship", text(alert, "citizenship"));

        // Event time can run ahead of the wall clock (the generator's speed-up) and Alertmanager
        // would treat a future start as not yet begun; the true instant stays in `raisedAt`.
        Instant startsAt = raisedAt.isAfter(now) ? now : raisedAt;
        Instant endsAt = OVERSTAY.equals(type) ? now.plus(overstayLifetime) : null;
        return new AlertmanagerAlert(labels, annotations, startsAt, endsAt, null);
    }

    private static String summary(String type, JsonNode alert, JsonNode d) {
        String place = place(alert);
        switch (type) {
            case OVERSTAY:
                return "Overstay of "
                        + num(d, "overstayDays")
                        + " unlawful day(s), person still present in "
                        + place;
            case OVERSTAY_ENDED:
                return "Overstay of "
                        + num(d, "overstayDays")
                        + " unlawful day(s) ended at exit in "
                        + place;
            case "QUOTA_WARNING":
                return "Labour quota "
                        + num(d, "category")
                        + " "
                        + num(d, "year")
                        + " in "
                        + place
                        + " at "
                        + num(d, "utilisation")
                        + " of "
                        + num(d, "limit");
            case "QUOTA_BREACH":
                return "Permit "
                        + num(d, "permitId")
                        + " exceeds labour quota "
                        + num(d, "category")
                        + " "
                        + num(d, "year")
                        + " in "
                        + place
                        + ": "
                        + num(d, "utilisation")
                        + " of "
                        + num(d, "limit");
            case "UNAUTHORISED_EMPLOYMENT":
                return "Hire without a work permit or residence in " + place;
            case "CONTRACT_BREACH":
                {
                    String where =
                            d.hasNonNull("newRegion")
                                    ? "moved to " + d.get("newRegion").asText()
                                    : "deregistered";
                    String returned =
                            d.path("returned").asBoolean(false)
                                    ? ", returned to the region of origin"
                                    : "";
                    return num(d, "program")
                            + " relocation contract with "
                            + num(d, "hostRegion")
                            + " breached after "
                            + num(d, "months")
                            + " month(s): "
                            + where
                            + returned;
                }
            case "INFLOW_SURGE":
                return "Net 7-day inflow to "
                        + place
                        + " is "
                        + num(d, "netInflow7d")
                        + ", above the threshold "
                        + num(d, "threshold");
            case "BANNED_ENTRY":
                return "Entry of a person banned until "
                        + num(d, "banUntil")
                        + " at a checkpoint in "
                        + place;
            case "PERMIT_OUTSIDE_SHORTAGE":
                return "Permit "
                        + num(d, "permitId")
                        + " in "
                        + place
                        + " for "
                        + num(d, "sector")
                        + ", not on the "
                        + num(d, "year")
                        + " labour shortage list";
            default:
                return type + " in " + place;
        }
    }

    /** All details as {@code key=value}, sorted, plus who and when, for the full picture. */
    private static String description(JsonNode alert, JsonNode details) {
        StringBuilder sb = new StringBuilder();
        sb.append(alert.path("type").asText())
                .append(' ')
                .append(alert.path("severity").asText())
                .append(" raised at ")
                .append(alert.path("raisedAt").asText())
                .append(" in ")
                .append(place(alert));
        String citizenship = text(alert, "citizenship");
        if (citizenship != null) {
            sb.append(", citizenship ").append(citizenship);
        }
        Map<String, String> sorted = new TreeMap<>();
        if (details.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = details.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sorted.put(
                        e.getKey(),
                        e.getValue().isValueNode()
                                ? e.getValue().asText()
                                : e.getValue().toString());
            }
        }
        if (!sorted.isEmpty()) {
            sb.append(". Details: ");
            sorted.forEach((k, v) -> sb.append(k).append('=').append(v).append(", "));
            sb.setLength(sb.length() - 2);
        }
        return sb.append('.').toString();
    }

    private static String place(JsonNode alert) {
        String region = text(alert, "region");
        String city = text(alert, "city");
        if (region == null) {
            return city == null ? "an unknown place" : city;
        }
        return city == null ? region : region + " (" + city + ")";
    }

    private static String num(JsonNode details, String field) {
        JsonNode v = details.get(field);
        return v == null || v.isNull() ? "?" : v.asText();
    }

    private static String required(JsonNode alert, String field) {
        String v = text(alert, field);
        if (v == null) {
            throw new IllegalArgumentException("alert has no " + field);
        }
        return v;
    }

    private static String text(JsonNode alert, String field) {
        JsonNode v = alert.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static Instant parseInstant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "raisedAt is not an instant with an offset: " + text, e);
        }
    }
}
