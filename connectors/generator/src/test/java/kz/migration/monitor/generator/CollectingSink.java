package kz.migration.monitor.generator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.migration.monitor.event.Topics;

/** Keeps generated records in memory, per stream, in delivery order. */
final class CollectingSink implements GeneratedRecordSink {

    record Delivered(String key, String json, Instant occurredAt) {}

    final Map<String, List<Delivered>> byStream = new LinkedHashMap<>();

    CollectingSink() {
        Topics.inputs().forEach(s -> byStream.put(s, new ArrayList<>()));
    }

    @Override
    public void accept(String stream, String key, String json, Instant occurredAt) {
        byStream.get(stream).add(new Delivered(key, json, occurredAt));
    }

    List<Delivered> get(String stream) {
        return byStream.get(stream);
    }
}
