package kz.migration.monitor.job;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.json.InputParser;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.json.RawPayload;
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
 * The four input topics as one stream of parsed records, read by one Kafka source. Records are
 * parsed in the source, so event-time watermarks are tracked per Kafka partition and a lagging
 * partition cannot make another's events late.
 *
 * <p>One source rather than one per topic, because a source's split enumerator assigns partitions
 * on its own schedule: with four, a topic whose discovery came late left its readers without
 * partitions, idle after the idleness timeout, while the other topics carried the watermark past
 * its records, which then all arrived late. One enumerator discovers the partitions of all topics
 * at once and hands each reader all of its partitions in one assignment, so no reader reads while
 * another still waits for its first partitions.
 */
public final class KafkaInputs {

    /**
     * The source's operator id. It replaced the four per-topic sources' ids ({@code
     * source-<topic>}); their savepoint state (offsets per topic) has no place in this source, so a
     * savepoint of the old job is restored with {@code --allowNonRestoredState} and the source
     * starts from the offsets committed for the consumer group, as the old sources left them.
     */
    static final String UID = "source-inputs";

    private KafkaInputs() {}

    /**
     * Where and how to read.
     *
     * @param lateness how far out of order events may arrive and still count
     * @param idleness after which a silent partition stops holding the watermark back; zero never
     * @param bounded stop at the offsets that are the latest when the job starts (catch-up runs and
     *     tests); the end of input then ends event time, as in a replay without an as-of
     * @param clientProperties Kafka client settings merged into the source's and the sinks'
     *     clients, such as the job's SASL_SSL credentials ({@code --kafka-properties}); immutable
     */
    public record Config(
            String bootstrapServers,
            String topicPrefix,
            String groupId,
            boolean fromEarliest,
            Duration lateness,
            Duration idleness,
            boolean bounded,
            Map<String, String> clientProperties) {

        public Config {
            clientProperties = Map.copyOf(clientProperties);
        }

        /** Without client settings of its own (a plain broker). */
        public Config(
                String bootstrapServers,
                String topicPrefix,
                String groupId,
                boolean fromEarliest,
                Duration lateness,
                Duration idleness,
                boolean bounded) {
            this(
                    bootstrapServers,
                    topicPrefix,
                    groupId,
                    fromEarliest,
                    lateness,
                    idleness,
                    bounded,
                    Map.of());
        }

        /** The same with {@code properties} as client settings. */
        public Config withClientProperties(Map<String, String> properties) {
            return new Config(
                    bootstrapServers,
                    topicPrefix,
                    groupId,
                    fromEarliest,
                    lateness,
                    idleness,
                    bounded,
                    properties);
        }
    }

    /**
     * The inputs, parsed in the source: events carry the {@code subjectRef} of {@code
     * pseudonymiser} and no raw {@code personId} travels further (state, shuffles, checkpoints).
     */
    public static DataStream<IngestedRecord> read(
            StreamExecutionEnvironment env, Config c, Pseudonymiser pseudonymiser) {
        return read(
                env,
                c,
                pseudonymiser,
                c.fromEarliest()
                        ? OffsetsInitializer.earliest()
                        : OffsetsInitializer.committedOffsets(
                                org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST));
    }

    /** {@link #read(StreamExecutionEnvironment, Config, Pseudonymiser)} from the given offsets. */
    static DataStream<IngestedRecord> read(
            StreamExecutionEnvironment env,
            Config c,
            Pseudonymiser pseudonymiser,
            OffsetsInitializer startingOffsets) {
        List<String> topics = new ArrayList<>();
        for (SourceStream s : SourceStream.values()) {
            topics.add(c.topicPrefix() + s.topic());
        }
        var builder =
                KafkaSource.<IngestedRecord>builder()
                        .setProperties(asProperties(c.clientProperties()))
                        .setBootstrapServers(c.bootstrapServers())
                        .setTopics(topics)
                        .setGroupId(c.groupId())
                        .setStartingOffsets(startingOffsets)
                        .setDeserializer(new Parsing(c.topicPrefix(), pseudonymiser))
                        .setProperty("isolation.level", "read_committed")
                        .setProperty("partition.discovery.interval.ms", "60000");
        if (c.bounded()) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return env.fromSource(
                        builder.build(),
                        IngestedRecord.watermarks(c.lateness(), c.idleness()),
                        "inputs")
                .uid(UID);
    }

    static Properties asProperties(Map<String, String> settings) {
        Properties props = new Properties();
        props.putAll(settings);
        return props;
    }

    /**
     * Parses a record's value by the stream of its topic; anything unparseable becomes a dead
     * letter, never an exception.
     */
    static final class Parsing implements KafkaRecordDeserializationSchema<IngestedRecord> {
        private static final long serialVersionUID = 2L;
        private final String topicPrefix;
        private final Pseudonymiser pseudonymiser;
        private transient Map<String, InputParser<? extends InputEvent>> parsers;

        Parsing(String topicPrefix, Pseudonymiser pseudonymiser) {
            this.topicPrefix = topicPrefix;
            this.pseudonymiser = pseudonymiser;
        }

        @Override
        public void deserialize(
                ConsumerRecord<byte[], byte[]> record, Collector<IngestedRecord> out) {
            if (parsers == null) {
                parsers = new HashMap<>();
                for (SourceStream s : SourceStream.values()) {
                    parsers.put(topicPrefix + s.topic(), InputParser.of(s, pseudonymiser));
                }
            }
            RawPayload raw = RawPayload.of(record.value());
            out.collect(
                    IngestedRecord.of(
                            parsers.get(record.topic()).parse(raw, Clock.systemUTC().instant()),
                            raw.text()));
        }

        @Override
        public TypeInformation<IngestedRecord> getProducedType() {
            return MonitorTypes.INGESTED_RECORD;
        }
    }
}
