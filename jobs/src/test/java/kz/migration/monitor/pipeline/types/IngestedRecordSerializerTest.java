package kz.migration.monitor.pipeline.types;

import kz.migration.monitor.pipeline.IngestedRecord;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * {@link IngestedRecordSerializer} against Flink's serializer test suite: records holding an event
 * of every type, a dead letter, both or neither, with and without their payload.
 */
class IngestedRecordSerializerTest extends SerializerTestBase<IngestedRecord> {

    @Override
    protected TypeSerializer<IngestedRecord> createSerializer() {
        return IngestedRecordSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<IngestedRecord> getTypeClass() {
        return IngestedRecord.class;
    }

    @Override
    protected IngestedRecord[] getTestData() {
        return SerializerSamples.ingestedRecords();
    }

    @Override
    protected boolean allowNullInstances(TypeSerializer<IngestedRecord> serializer) {
        // Immutable records: nothing to reuse, so no instance to create.
        return true;
    }
}
