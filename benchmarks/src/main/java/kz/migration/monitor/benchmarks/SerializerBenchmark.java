package kz.migration.monitor.benchmarks;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import kz.migration.monitor.event.AlertDetails;
import kz.migration.monitor.event.CitizenshipGroup;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.flows.PlaceEvent;
import kz.migration.monitor.flows.PlaceInput;
import kz.migration.monitor.flows.PlaceInputSerializer;
import kz.migration.monitor.json.InputParser;
import kz.migration.monitor.json.Parsed;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.pipeline.IngestedRecord;
import kz.migration.monitor.pipeline.types.AlertDetailsSerializer;
import kz.migration.monitor.pipeline.types.IngestedRecordSerializer;
import kz.migration.monitor.pipeline.types.InputEventSerializer;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Round trips (serialize, then deserialize) through the job's hand-written serializers, as every
 * shuffle and every state access of a heap-less backend pays them: an event of each stream, the
 * parsed record a source emits (with its raw payload), alert details, and a crossing's count for
 * its city as the place ledger's buffer holds it, beside the same through Flink's {@code
 * PojoSerializer}, which serialized it before.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SerializerBenchmark {

    /** A parsed record of one stream. */
    @State(Scope.Thread)
    public static class Events {

        @Param({"BORDER_CROSSINGS", "REGISTRATIONS", "EMPLOYMENT", "REFERENCE_DATA"})
        public SourceStream stream;

        InputEvent event;
        IngestedRecord ingested;

        @Setup
        public void setUp() {
            String line = SampleLines.of(stream);
            Parsed<? extends InputEvent> parsed =
                    InputParser.of(stream, new Pseudonymiser("benchmark-key-of-32-bytes-length"))
                            .parse(line, Instant.parse("2026-01-02T00:00:00Z"));
            event = parsed.event();
            ingested = IngestedRecord.of(parsed, line);
        }
    }

    private final DataOutputSerializer out = new DataOutputSerializer(512);
    private final DataInputDeserializer in = new DataInputDeserializer();
    private final AlertDetails quota =
            new AlertDetails.Quota(2026, "CAT2", 126, 118, "WP-330064-17");

    final PlaceInput crossing =
            PlaceInput.of(
                    new PlaceEvent(
                            Region.KZ_31,
                            "Taraz",
                            SourceStream.BORDER_CROSSINGS,
                            "7fb384ef-2109-40b2-8fd3-4b12d124c1f2",
                            Instant.parse("2026-01-01T00:04:30Z"),
                            CitizenshipGroup.CIS,
                            1,
                            0,
                            0,
                            0,
                            0,
                            0));

    /** Flink's analysis of the record; an input without an alert never reaches its Kryo field. */
    private final TypeSerializer<PlaceInput> pojo =
            TypeInformation.of(PlaceInput.class).createSerializer(new SerializerConfigImpl());

    @Benchmark
    public InputEvent inputEvent(Events events) throws IOException {
        return roundTrip(InputEventSerializer.INSTANCE, events.event);
    }

    @Benchmark
    public IngestedRecord ingestedRecord(Events events) throws IOException {
        return roundTrip(IngestedRecordSerializer.INSTANCE, events.ingested);
    }

    /** The richest details ({@code QUOTA_BREACH}). */
    @Benchmark
    public AlertDetails alertDetails() throws IOException {
        return roundTrip(AlertDetailsSerializer.INSTANCE, quota);
    }

    @Benchmark
    public PlaceInput placeInput() throws IOException {
        return roundTrip(PlaceInputSerializer.INSTANCE, crossing);
    }

    @Benchmark
    public PlaceInput placeInputPojo() throws IOException {
        return roundTrip(pojo, crossing);
    }

    private <T> T roundTrip(TypeSerializer<T> serializer, T value) throws IOException {
        out.clear();
        serializer.serialize(value, out);
        in.setBuffer(out.getSharedBuffer(), 0, out.length());
        return serializer.deserialize(in);
    }
}
