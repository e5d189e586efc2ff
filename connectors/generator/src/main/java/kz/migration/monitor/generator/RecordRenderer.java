package kz.migration.monitor.generator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import kz.migration.monitor.event.Topics;

/** Writes planned events as the contract's JSON, field names exactly as the contract has them. */
final class RecordRenderer {

    private final JsonNodeFactory factory = JsonNodeFactory.instance;
    private final IdSource ids;
    private final InstantText time;

    RecordRenderer(IdSource ids, InstantText time) {
        this.ids = ids;
        this.time = time;
    }

    RenderedRecord render(PlannedEvent event) {
        String personId = ids.personId(event.person());
        ObjectNode json = factory.objectNode();
        json.put("eventId", ids.newEventId());
        json.put("occurredAt", time.format(event.at()));
        json.put("personId", personId);
        json.put("citizenship", event.citizenship());
        String stream;
        if (event instanceof PlannedEvent.Crossing c) {
            stream = Topics.BORDER_CROSSINGS;
            json.put("direction", c.entry() ? "ENTRY" : "EXIT");
            json.put("checkpoint", c.checkpoint().code());
            json.put("region", c.checkpoint().region());
            json.put("city", c.checkpoint().city());
            optional(json, "purpose", c.purpose());
            optional(json, "permitUntil", c.permitUntil());
        } else if (event instanceof PlannedEvent.Registration r) {
            stream = Topics.REGISTRATIONS;
            json.put("kind", r.kind());
            json.put("region", r.region());
            optional(json, "city", r.city());
            optional(json, "previousRegion", r.previousRegion());
            optional(json, "previousCity", r.previousCity());
            optional(json, "validUntil", r.validUntil());
            optional(json, "program", r.program());
        } else {
            PlannedEvent.Employment e = (PlannedEvent.Employment) event;
            stream = Topics.EMPLOYMENT;
            json.put("kind", e.kind());
            json.put("region", e.region());
            optional(json, "city", e.city());
            optional(json, "permitId", e.permitId());
            optional(json, "category", e.category());
            optional(json, "permitUntil", e.permitUntil());
            optional(json, "sector", e.sector());
            optional(json, "employerId", e.employerId());
        }
        return new RenderedRecord(stream, personId, json, event.at());
    }

    private static void optional(ObjectNode json, String field, Object value) {
        if (value != null) {
            json.put(field, value instanceof LocalDate d ? d.toString() : (String) value);
        }
    }
}
