package kz.migration.monitor.pipeline.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import kz.migration.monitor.event.AlertDetails;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.junit.jupiter.api.Test;

/** Alert details round-trip through their serializer, every variant and edge value. */
class AlertDetailsSerializerTest extends SerializerTestBase<AlertDetails> {

    @Override
    protected TypeSerializer<AlertDetails> createSerializer() {
        return AlertDetailsSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<AlertDetails> getTypeClass() {
        return AlertDetails.class;
    }

    @Override
    protected AlertDetails[] getTestData() {
        return SerializerSamples.alertDetails();
    }

    @Override
    protected boolean allowNullInstances(TypeSerializer<AlertDetails> serializer) {
        // Immutable records: nothing to reuse, so no instance to create.
        return true;
    }

    @Test
    void theSamplesHoldEveryVariant() {
        assertThat(Arrays.stream(getTestData()).map(Object::getClass).distinct())
                .containsExactlyInAnyOrder(AlertDetails.class.getPermittedSubclasses());
    }
}
