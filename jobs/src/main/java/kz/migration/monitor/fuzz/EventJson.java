package kz.migration.monitor.fuzz;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import kz.migration.monitor.event.BorderCrossing;
import kz.migration.monitor.event.Employment;
import kz.migration.monitor.event.EntryBan;
import kz.migration.monitor.event.InflowThreshold;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.LabourShortage;
import kz.migration.monitor.event.QuotaLimit;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.Registration;

/**
 * Renders a parsed input event back into its stream's contract JSON, so that the schema can judge
 * what the parser let through (a city it trimmed, a category it mapped), not only the raw text.
 */
final class EventJson {

    private EventJson() {}

    static ObjectNode render(InputEvent event) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (event instanceof BorderCrossing e) {
            common(o, e.eventId(), e.occurredAt(), e.subjectRef(), e.citizenship());
            o.put("direction", e.direction().name());
            o.put("checkpoint", e.checkpoint());
            region(o, "region", e.region());
            o.put("city", e.city());
            o.put("purpose", e.purpose() == null ? null : e.purpose().name());
            date(o, "permitUntil", e.permitUntil());
        } else if (event instanceof Registration e) {
            common(o, e.eventId(), e.occurredAt(), e.subjectRef(), e.citizenship());
            o.put("kind", e.kind().name());
            region(o, "region", e.region());
            o.put("city", e.city());
            region(o, "previousRegion", e.previousRegion());
            o.put("previousCity", e.previousCity());
            date(o, "validUntil", e.validUntil());
            o.put("program", e.program() == null ? null : e.program().name());
        } else if (event instanceof Employment e) {
            common(o, e.eventId(), e.occurredAt(), e.subjectRef(), e.citizenship());
            o.put("kind", e.kind().name());
            region(o, "region", e.region());
            o.put("city", e.city());
            o.put("permitId", e.permitId());
            o.put("category", e.category() == null ? null : e.category().name());
            date(o, "permitUntil", e.permitUntil());
            o.put("sector", e.sector() == null ? null : e.sector().name());
            o.put("employerId", e.employerId());
        } else if (event instanceof QuotaLimit e) {
            reference(o, "QUOTA", e.eventId(), e.occurredAt());
            o.put("year", e.year());
            region(o, "region", e.region());
            o.put("category", e.category() == null ? "ALL" : e.category().name());
            o.put("limit", e.limit());
        } else if (event instanceof InflowThreshold e) {
            reference(o, "INFLOW_THRESHOLD", e.eventId(), e.occurredAt());
            region(o, "region", e.region());
            o.put("city", e.city());
            o.put("netInflow7d", e.netInflow7d());
        } else if (event instanceof EntryBan e) {
            reference(o, "ENTRY_BAN", e.eventId(), e.occurredAt());
            o.put("personId", e.bannedSubjectRef());
            date(o, "until", e.until());
            o.put("citizenship", e.bannedCitizenship());
        } else if (event instanceof LabourShortage e) {
            reference(o, "SHORTAGE", e.eventId(), e.occurredAt());
            o.put("year", e.year());
            region(o, "region", e.region());
            o.put("sector", e.sector().name());
            o.put("open", e.open());
        } else {
            throw new IllegalArgumentException(
                    "no rendering for " + event.getClass().getSimpleName());
        }
        return o;
    }

    private static void common(
            ObjectNode o, String eventId, Instant at, String person, String citizenship) {
        o.put("eventId", eventId);
        o.put("occurredAt", at == null ? null : at.toString());
        o.put("personId", person);
        o.put("citizenship", citizenship);
    }

    private static void reference(ObjectNode o, String kind, String eventId, Instant at) {
        o.put("eventId", eventId);
        o.put("occurredAt", at == null ? null : at.toString());
        o.put("kind", kind);
    }

    private static void region(ObjectNode o, String field, Region region) {
        o.put(field, region == null ? null : region.code());
    }

    private static void date(ObjectNode o, String field, LocalDate date) {
        o.put(field, date == null ? null : date.toString());
    }
}
