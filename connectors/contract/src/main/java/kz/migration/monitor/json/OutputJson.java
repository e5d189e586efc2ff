package kz.migration.monitor.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.AlertDetails;
import kz.migration.monitor.event.DeadLetter;
import kz.migration.monitor.event.FlowMatrixRow;
import kz.migration.monitor.event.FlowStats;
import kz.migration.monitor.event.GroupCounts;
import kz.migration.monitor.event.Region;

/**
 * Writes the monitor's outputs as the contract's JSON: instants in UTC ({@code ...Z}), regions by
 * code, {@code null} for unknown top-level fields, and only the figures an alert type has in its
 * {@code details}.
 */
public final class OutputJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private OutputJson() {}

    public static String alert(Alert a) {
        ObjectNode o = NODES.objectNode();
        o.put("alertId", a.alertId());
        o.put("type", a.type().name());
        o.put("severity", a.severity().name());
        o.put("audience", a.audience().name());
        o.put("raisedAt", instant(a.raisedAt()));
        o.put("subjectRef", a.subjectRef());
        o.put("region", code(a.region()));
        o.put("city", a.city());
        o.put("citizenship", a.citizenship());
        o.set("details", details(a.details()));
        return write(o);
    }

    /** A type's figures, in the order the contract lists them; absent optional ones left out. */
    private static ObjectNode details(AlertDetails d) {
        ObjectNode o = NODES.objectNode();
        if (d instanceof AlertDetails.Overstay overstay) {
            o.put("overstayDays", overstay.overstayDays());
        } else if (d instanceof AlertDetails.Quota q) {
            o.put("year", q.year());
            o.put("category", q.category());
            o.put("limit", q.limit());
            o.put("utilisation", q.utilisation());
            putIfPresent(o, "permitId", q.permitId());
        } else if (d instanceof AlertDetails.Contract c) {
            o.put("program", c.program().name());
            o.put("hostRegion", c.hostRegion().code());
            putIfPresent(o, "newRegion", code(c.newRegion()));
            o.put("months", c.months());
            o.put("returned", c.returned());
        } else if (d instanceof AlertDetails.Inflow i) {
            o.put("netInflow7d", i.netInflow7d());
            o.put("threshold", i.threshold());
        } else if (d instanceof AlertDetails.Ban b) {
            o.put("banUntil", b.banUntil().toString());
        } else if (d instanceof AlertDetails.Shortage sh) {
            o.put("year", sh.year());
            o.put("sector", sh.sector().name());
            o.put("permitId", sh.permitId());
        }
        return o;
    }

    public static String flowStats(FlowStats s) {
        ObjectNode o = NODES.objectNode();
        o.put("date", s.date().toString());
        o.put("region", s.region().code());
        o.put("city", s.city());
        o.put("entries", s.entries());
        o.put("exits", s.exits());
        o.set("entriesByGroup", groups(s.entriesByGroup()));
        o.set("exitsByGroup", groups(s.exitsByGroup()));
        o.put("residenceArrivals", s.residenceArrivals());
        o.put("residenceDepartures", s.residenceDepartures());
        o.put("netInflow", s.netInflow());
        o.put("netInflow7d", s.netInflow7d());
        o.put("netInflow30d", s.netInflow30d());
        o.put("permitsIssued", s.permitsIssued());
        o.put("hires", s.hires());
        return write(o);
    }

    private static ObjectNode groups(GroupCounts g) {
        ObjectNode o = NODES.objectNode();
        o.put("KAZ", g.kaz());
        o.put("CIS", g.cis());
        o.put("OTHER", g.other());
        return o;
    }

    public static String flowMatrix(FlowMatrixRow r) {
        ObjectNode o = NODES.objectNode();
        o.put("date", r.date().toString());
        o.put("fromRegion", r.fromRegion().code());
        o.put("toRegion", r.toRegion().code());
        o.put("moves", r.moves());
        return write(o);
    }

    public static String deadLetter(DeadLetter d) {
        ObjectNode o = NODES.objectNode();
        o.put("source", d.source());
        o.put("reason", d.reason());
        o.put("payload", d.payload());
        o.put("receivedAt", instant(d.receivedAt()));
        return write(o);
    }

    private static void putIfPresent(ObjectNode o, String field, String text) {
        if (text != null) {
            o.put(field, text);
        }
    }

    private static String code(Region r) {
        return r == null ? null : r.code();
    }

    private static String instant(Instant i) {
        return i == null ? null : i.toString();
    }

    private static String write(ObjectNode o) {
        try {
            return InputParser.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
