package kz.migration.monitor.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Input lines of the contract's four streams, as producers write them; {@code null} arguments are
 * left out of the record, which is how optional fields are absent.
 */
final class ReplayEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplayEvents() {}

    /** A JSON object of alternating field names and values, {@code null} values omitted. */
    static String json(Object... fieldsAndValues) {
        ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            Object v = fieldsAndValues[i + 1];
            if (v != null) {
                o.set((String) fieldsAndValues[i], JSON.valueToTree(v));
            }
        }
        return o.toString();
    }

    static String crossing(
            String id,
            String at,
            String person,
            String citizenship,
            String direction,
            String region,
            String city) {
        return json(
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
                "CP-" + region,
                "region",
                region,
                "city",
                city);
    }

    static String registration(
            String id,
            String at,
            String person,
            String citizenship,
            String kind,
            String region,
            String city) {
        return registration(id, at, person, citizenship, kind, region, city, null, null, null);
    }

    /**
     * A registration; {@code validUntil} is filled in for temporary residence (far enough ahead).
     */
    static String registration(
            String id,
            String at,
            String person,
            String citizenship,
            String kind,
            String region,
            String city,
            String previousRegion,
            String previousCity,
            String program) {
        String validUntil = kind.equals("TEMPORARY_RESIDENCE") ? "2040-12-31" : null;
        return json(
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
                city,
                "previousRegion",
                previousRegion,
                "previousCity",
                previousCity,
                "validUntil",
                validUntil,
                "program",
                program);
    }

    static String permitIssued(
            String id,
            String at,
            String person,
            String citizenship,
            String permitId,
            String region,
            String category,
            String permitUntil) {
        return json(
                "eventId",
                id,
                "occurredAt",
                at,
                "personId",
                person,
                "citizenship",
                citizenship,
                "kind",
                "PERMIT_ISSUED",
                "region",
                region,
                "permitId",
                permitId,
                "category",
                category,
                "permitUntil",
                permitUntil);
    }

    static String permitRevoked(
            String id,
            String at,
            String person,
            String citizenship,
            String permitId,
            String region) {
        return json(
                "eventId",
                id,
                "occurredAt",
                at,
                "personId",
                person,
                "citizenship",
                citizenship,
                "kind",
                "PERMIT_REVOKED",
                "region",
                region,
                "permitId",
                permitId);
    }

    static String employment(
            String id,
            String at,
            String person,
            String citizenship,
            String kind,
            String region,
            String city) {
        return json(
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
                city);
    }

    static String quota(
            String id, String at, int year, String region, String category, long limit) {
        return json(
                "eventId",
                id,
                "kind",
                "QUOTA",
                "occurredAt",
                at,
                "year",
                year,
                "region",
                region,
                "category",
                category,
                "limit",
                limit);
    }

    static String threshold(String id, String at, String region, String city, long netInflow7d) {
        return json(
                "eventId",
                id,
                "kind",
                "INFLOW_THRESHOLD",
                "occurredAt",
                at,
                "region",
                region,
                "city",
                city,
                "netInflow7d",
                netInflow7d);
    }

    static String entryBan(String at, String person, String until, String citizenship) {
        return json(
                "kind",
                "ENTRY_BAN",
                "occurredAt",
                at,
                "personId",
                person,
                "until",
                until,
                "citizenship",
                citizenship);
    }

    /** A shortage-list record; {@code open} is any value, so that bad records can be written. */
    static String shortage(String at, Integer year, String region, String sector, Object open) {
        return json(
                "kind",
                "SHORTAGE",
                "occurredAt",
                at,
                "year",
                year,
                "region",
                region,
                "sector",
                sector,
                "open",
                open);
    }
}
