package kz.migration.monitor.pipeline.types;

import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.pipeline.IngestedRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Type information of the job's types that Flink cannot analyse itself (the sealed {@link
 * InputEvent} union and what holds it), so that they are not serialized by Kryo.
 */
public final class MonitorTypes {

    private MonitorTypes() {}

    public static final TypeInformation<InputEvent> INPUT_EVENT =
            new SerializerTypeInfo<>(InputEvent.class, InputEventSerializer.INSTANCE);

    public static final TypeInformation<IngestedRecord> INGESTED_RECORD =
            new SerializerTypeInfo<>(IngestedRecord.class, IngestedRecordSerializer.INSTANCE);
}
