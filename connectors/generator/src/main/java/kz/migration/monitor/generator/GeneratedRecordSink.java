package kz.migration.monitor.generator;

import java.time.Instant;
import kz.migration.monitor.event.Topics;

/**
 * Receives the records of a {@link TrafficGenerator}, in the order they would arrive at the monitor
 * (roughly event-time order, with the configured disorder).
 *
 * <p>Implementations write files ({@link JsonlFileSink}), produce to Kafka ({@link
 * KafkaRecordSink}) or just count.
 */
@FunctionalInterface
public interface GeneratedRecordSink {

    /**
     * Takes one record.
     *
     * @param stream one of the input topics, {@link Topics#inputs()}
     * @param key the Kafka key: the {@code personId}, or the identity of a reference-data record
     * @param json the record as one line of JSON (or, for deliberately malformed records, any text)
     * @param occurredAt the event time the record claims (for malformed records: the one it was
     *     derived from), used as the Kafka record timestamp and for pacing
     */
    void accept(String stream, String key, String json, Instant occurredAt);
}
