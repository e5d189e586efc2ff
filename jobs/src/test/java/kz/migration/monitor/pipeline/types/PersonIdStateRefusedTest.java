package kz.migration.monitor.pipeline.types;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * State written while events carried the raw {@code personId} (the snapshots of that version, kept
 * as {@code NAME.personid.snapshot}) is refused with a message saying why, instead of being read as
 * if its identifiers were pseudonyms.
 */
class PersonIdStateRefusedTest {

    @ParameterizedTest
    @ValueSource(strings = {"input-event", "ingested-record"})
    void aSnapshotOfTheRawPersonIdVersionDoesNotRestore(String name) throws IOException {
        byte[] stored;
        try (InputStream in =
                getClass().getResourceAsStream("/serializers/" + name + ".personid.snapshot")) {
            stored = in.readAllBytes();
        }

        assertThatThrownBy(
                        () ->
                                TypeSerializerSnapshot.readVersionedSnapshot(
                                        new DataInputDeserializer(stored),
                                        getClass().getClassLoader()))
                .hasMessageContaining("before events carried subjectRef")
                .hasMessageContaining("cannot be restored");
    }
}
