package kz.migration.monitor.job;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.json.InputParser;
import kz.migration.monitor.pipeline.IngestedRecord;
import kz.migration.monitor.pipeline.types.MonitorTypes;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The four input topics as one stream of parsed records. Records are parsed in the source, so
 * event-time watermarks are tracked per Kafka partition and a lagging partition cannot make
 * another's events late.
 */
public final class KafkaInputs {

    private KafkaInputs() {}

    /**
     * Where and how to read.
     *
     * @param lateness how far out of order events may arrive and still count
     * @param idleness after which a silent partition stops holding the watermark back; zero never
     * @param bounded stop at the offsets that are the latest when the job starts (catch-up runs and
     *     tests); the end of input then ends event time, as in a replay without an as-of
     */
    public record Config(
            String bootstrapServers,
            String topicPrefix,
            String groupId,
            boolean fromEarliest,
            Duration lateness,
            Duration idleness,
            boolean bounded) {}

    public static DataStream<IngestedRecord> read(StreamExecutionEnvironment env, Config c) {
        DataStream<IngestedRecord> all = null;
        for (SourceStream s : SourceStream.values()) {
            var builder =
                    KafkaSource.<IngestedRecord>builder()
                            .setBootstrapServers(c.bootstrapServers())
                            .setTopics(c.topicPrefix() + s.topic())
                            .setGroupId(c.groupId())
                            .setStartingOffsets(
                                    c.fromEarliest()
                                            ? OffsetsInitializer.earliest()
                                            : OffsetsInitializer.committedOffsets(
                                                    org.apache.kafka.clients.consumer
                                                            .OffsetResetStrategy.EARLIEST))
                            .setDeserializer(new Parsing(s))
                            .setProperty("isolation.level", "read_committed")
                            .setProperty("partition.discovery.interval.ms", "60000");
            if (c.bounded()) {
                builder.setBounded(OffsetsInitializer.latest());
            }
            KafkaSource<IngestedRecord> source = builder.build();
            DataStream<IngestedRecord> stream =
                    env.fromSource(
                                    source,
                                    IngestedRecord.watermarks(c.lateness(), c.idleness()),
                                    s.topic())
                            .uid("source-" + s.topic());
            all = all == null ? stream : all.union(stream);
        }
        return all;
    }

    /** Parses a record's value; anything unparseable becomes a dead letter, never an exception. */
    static final class Parsing implements KafkaRecordDeserializationSchema<IngestedRecord> {
        private static final long serialVersionUID = 1L;
        private final SourceStream stream;
        private transient InputParser<? extends InputEvent> parser;

        Parsing(SourceStream stream) {
            this.stream = stream;
        }

        @Override
        public void deserialize(
                ConsumerRecord<byte[], byte[]> record, Collector<IngestedRecord> out) {
            if (parser == null) {
                parser = InputParser.of(stream);
            }
            String payload =
                    record.value() == null
                            ? null
                            : new String(record.value(), StandardCharsets.UTF_8);
            out.collect(
                    IngestedRecord.of(parser.parse(payload, Clock.systemUTC().instant()), payload));
        }

        @Override
        public TypeInformation<IngestedRecord> getProducedType() {
            return MonitorTypes.INGESTED_RECORD;
        }
    }
}
