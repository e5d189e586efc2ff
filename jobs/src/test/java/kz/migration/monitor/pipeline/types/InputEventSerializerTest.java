package kz.migration.monitor.pipeline.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.ReferenceRecord;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.junit.jupiter.api.Test;

/**
 * {@link InputEventSerializer} against Flink's serializer test suite (round trips alone and in
 * sequence, copies, {@code duplicate()}, Java serialization and equality of the serializer, its
 * snapshot written, read back and compatible) over every event type.
 */
class InputEventSerializerTest extends SerializerTestBase<InputEvent> {

    @Override
    protected TypeSerializer<InputEvent> createSerializer() {
        return InputEventSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<InputEvent> getTypeClass() {
        return InputEvent.class;
    }

    @Override
    protected InputEvent[] getTestData() {
        return SerializerSamples.inputEvents();
    }

    @Override
    protected boolean allowNullInstances(TypeSerializer<InputEvent> serializer) {
        // Immutable records: nothing to reuse, so no instance to create.
        return true;
    }

    @Test
    void theSamplesHoldEveryEventType() {
        Class<?>[] types =
                Arrays.stream(InputEvent.class.getPermittedSubclasses())
                        .flatMap(
                                c ->
                                        c == ReferenceRecord.class
                                                ? Arrays.stream(c.getPermittedSubclasses())
                                                : Arrays.stream(new Class<?>[] {c}))
                        .toArray(Class<?>[]::new);
        assertThat(Arrays.stream(getTestData()).map(Object::getClass).distinct())
                .containsExactlyInAnyOrder(types);
    }

    @Test
    void anUnknownTagIsAnErrorNotAnotherEvent() {
        assertThatThrownBy(
                        () ->
                                InputEventSerializer.INSTANCE.deserialize(
                                        new DataInputDeserializer(new byte[] {99})))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("99");
    }
}
