package kz.migration.monitor.pipeline.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.migration.monitor.event.FlowMatrixRow;
import kz.migration.monitor.event.Region;
import kz.migration.monitor.event.Registration;
import kz.migration.monitor.event.RegistrationKind;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Records holding dates, at any depth, get serializers without Kryo. */
class MonitorTypesTest {

    /** A day, nested in records and collections as the job's state nests its dates. */
    public record Day(LocalDate date) {}

    public record Nested(Day day, List<Day> days, Set<Day> set, Map<String, Day> byName) {}

    private static final SerializerConfig NO_KRYO =
            new ExecutionConfig(new Configuration().set(PipelineOptions.GENERIC_TYPES, false))
                    .getSerializerConfig();

    private static <T> T roundTrip(TypeInformation<T> type, T value) throws IOException {
        TypeSerializer<T> serializer = type.createSerializer(NO_KRYO);
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    @Test
    void flinksOwnAnalysisLeavesDatesToKryo() {
        // What MonitorTypes.of is for: were this to change, it could go.
        assertThat(TypeInformation.of(FlowMatrixRow.class).toString())
                .contains("GenericType<java.time.LocalDate>");
    }

    @Test
    void aRecordWithADateRoundTripsWithoutKryo() throws IOException {
        FlowMatrixRow row =
                new FlowMatrixRow(LocalDate.parse("2026-03-01"), Region.KZ_59, Region.KZ_71, 3);
        Registration noDate =
                new Registration(
                        "r1",
                        null,
                        "P1",
                        "KAZ",
                        RegistrationKind.PERMANENT_RESIDENCE,
                        Region.KZ_71,
                        null,
                        null,
                        null,
                        null,
                        null);

        assertThat(roundTrip(MonitorTypes.of(FlowMatrixRow.class), row)).isEqualTo(row);
        assertThat(roundTrip(MonitorTypes.of(Registration.class), noDate)).isEqualTo(noDate);
    }

    @Test
    void datesInNestedRecordsAndCollectionsRoundTripWithoutKryo() throws IOException {
        Day day = new Day(LocalDate.parse("2026-12-31"));
        Nested nested =
                new Nested(
                        day,
                        List.of(day, new Day(null)),
                        Set.of(new Day(LocalDate.MIN)),
                        Map.of("end", day));

        assertThat(roundTrip(MonitorTypes.of(Nested.class), nested)).isEqualTo(nested);
    }
}
