package kz.migration.monitor.pipeline.types;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kz.migration.monitor.flows.PlaceInputSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Writes the resources of {@link SerializerUpgradeTest}: for each hand-written serializer, its
 * snapshot ({@code NAME.snapshot}) and the samples serialized in a row ({@code NAME.data}), as the
 * current version writes them into checkpoints and savepoints.
 *
 * <p>Run once per format version, from the repository root:
 *
 * <pre>
 * mvn -B -q -pl jobs -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt \
 *     -Dmdep.includeScope=test -Dspotless.check.skip=true
 * java -cp jobs/target/test-classes:jobs/target/classes:$(cat /tmp/cp.txt) \
 *     kz.migration.monitor.pipeline.types.SerializerResources jobs/src/test/resources/serializers
 * </pre>
 */
final class SerializerResources {

    private SerializerResources() {}

    /** A serializer, the file name of its resources and the values stored in them. */
    record Format<T>(String name, TypeSerializer<T> serializer, T[] samples) {

        String snapshotFile() {
            return name + ".snapshot";
        }

        String dataFile() {
            return name + ".data";
        }

        byte[] snapshotBytes() throws IOException {
            DataOutputSerializer out = new DataOutputSerializer(256);
            TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
            return out.getCopyOfBuffer();
        }

        byte[] dataBytes() throws IOException {
            DataOutputSerializer out = new DataOutputSerializer(4096);
            for (T value : samples) {
                serializer.serialize(value, out);
            }
            return out.getCopyOfBuffer();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Format<?>> formats() {
        return List.of(
                new Format<>(
                        "input-event",
                        InputEventSerializer.INSTANCE,
                        SerializerSamples.inputEvents()),
                new Format<>(
                        "ingested-record",
                        IngestedRecordSerializer.INSTANCE,
                        SerializerSamples.ingestedRecords()),
                new Format<>(
                        "alert-details",
                        AlertDetailsSerializer.INSTANCE,
                        SerializerSamples.alertDetails()),
                new Format<>("alert", AlertSerializer.INSTANCE, SerializerSamples.alerts()),
                new Format<>(
                        "place-input",
                        PlaceInputSerializer.INSTANCE,
                        SerializerSamples.placeInputs()));
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        for (Format<?> f : formats()) {
            Files.write(dir.resolve(f.snapshotFile()), f.snapshotBytes());
            Files.write(dir.resolve(f.dataFile()), f.dataBytes());
        }
    }
}
