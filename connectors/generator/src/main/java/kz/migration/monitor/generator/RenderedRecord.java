package kz.migration.monitor.generator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A record ready to be delivered: its stream, Kafka key, JSON and event time (epoch seconds). */
record RenderedRecord(String stream, String key, ObjectNode json, long at) {

    /** The same record claiming another event time. */
    RenderedRecord at(long newAt, String occurredAt) {
        ObjectNode copy = json.deepCopy();
        copy.put("occurredAt", occurredAt);
        return new RenderedRecord(stream, key, copy, newAt);
    }
}
