package kz.migration.monitor.pipeline.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import kz.migration.monitor.pipeline.types.SerializerResources.Format;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * State written by this version of the job restores in the current one: a snapshot and values that
 * the current version of each hand-written serializer wrote (committed resources, see {@link
 * SerializerResources}) are read back.
 *
 * <p>The serializers' snapshots carry no format version of their own: Flink restores any state they
 * wrote with the current serializer "as is". So a change of the serialized form (a field added,
 * moved or retyped, an enum constant inserted or reordered) would misread every checkpoint and
 * savepoint taken before it. Such a change must come with a snapshot that knows the old form and
 * migrates it, new resources beside the old ones, and a test that reads the old ones.
 */
class SerializerUpgradeTest {

    static List<Format<?>> formats() {
        return SerializerResources.formats();
    }

    @ParameterizedTest
    @MethodSource("formats")
    <T> void theStoredSnapshotRestoresTheCurrentSerializerAsIs(Format<T> format)
            throws IOException {
        TypeSerializerSnapshot<T> stored =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(resource(format.snapshotFile())),
                        getClass().getClassLoader());

        TypeSerializerSchemaCompatibility<T> compatibility =
                format.serializer().snapshotConfiguration().resolveSchemaCompatibility(stored);

        assertThat(compatibility.isCompatibleAsIs()).as(compatibility.toString()).isTrue();
        assertThat(stored.restoreSerializer()).isEqualTo(format.serializer());
    }

    @ParameterizedTest
    @MethodSource("formats")
    <T> void theStoredValuesReadBackUnchanged(Format<T> format) throws IOException {
        assertThat(readAll(format.serializer(), resource(format.dataFile())))
                .containsExactly(format.samples());
    }

    @ParameterizedTest
    @MethodSource("formats")
    <T> void theCurrentVersionWritesTheStoredForm(Format<T> format) throws IOException {
        assertThat(format.dataBytes())
                .as(
                        "%s: the serialized form changed, and state written before would be"
                                + " misread (see this test's Javadoc)",
                        format)
                .isEqualTo(resource(format.dataFile()));
        assertThat(format.snapshotBytes()).isEqualTo(resource(format.snapshotFile()));
    }

    @ParameterizedTest
    @MethodSource("formats")
    <T> void aSnapshotWrittenNowReadsBackCompatibleWithItself(Format<T> format) throws IOException {
        TypeSerializerSnapshot<T> read =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(format.snapshotBytes()),
                        getClass().getClassLoader());

        assertThat(read).isEqualTo(format.serializer().snapshotConfiguration());
        assertThat(
                        format.serializer()
                                .snapshotConfiguration()
                                .resolveSchemaCompatibility(read)
                                .isCompatibleAsIs())
                .isTrue();
    }

    private static <T> List<T> readAll(TypeSerializer<T> serializer, byte[] bytes)
            throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        List<T> values = new ArrayList<>();
        while (in.available() > 0) {
            values.add(serializer.deserialize(in));
        }
        return values;
    }

    private static byte[] resource(String file) throws IOException {
        try (InputStream in =
                SerializerUpgradeTest.class.getResourceAsStream("/serializers/" + file)) {
            assertThat(in).as("resource serializers/%s", file).isNotNull();
            return in.readAllBytes();
        }
    }
}
