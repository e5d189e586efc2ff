package kz.migration.monitor.pipeline.types;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.AlertDetails;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.pipeline.IngestedRecord;
import org.apache.flink.api.common.typeinfo.LocalTimeTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.NullableListTypeInfo;
import org.apache.flink.api.java.typeutils.NullableMapTypeInfo;
import org.apache.flink.api.java.typeutils.NullableSetTypeInfo;
import org.apache.flink.api.java.typeutils.PojoField;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;

/**
 * Type information of the job's types that Flink cannot analyse itself (the sealed {@link
 * InputEvent} union and what holds it, and records holding a {@link LocalDate}), so that they are
 * not serialized by Kryo. The job runs with generic types disabled ({@code NoGenericTypesTest}).
 */
public final class MonitorTypes {

    private MonitorTypes() {}

    public static final TypeInformation<InputEvent> INPUT_EVENT =
            new SerializerTypeInfo<>(InputEvent.class, InputEventSerializer.INSTANCE);

    public static final TypeInformation<IngestedRecord> INGESTED_RECORD =
            new SerializerTypeInfo<>(IngestedRecord.class, IngestedRecordSerializer.INSTANCE);

    public static final TypeInformation<AlertDetails> ALERT_DETAILS =
            new SerializerTypeInfo<>(AlertDetails.class, AlertDetailsSerializer.INSTANCE);

    /**
     * A {@code subjectRef} as a key of 32 bytes ({@link SubjectRefKeySerializer}), for BATCH mode's
     * sorts. Streaming state stays keyed by Flink's string serializer, which savepoints name.
     */
    public static final TypeInformation<String> SUBJECT_REF_KEY =
            SerializerTypeInfo.key(String.class, SubjectRefKeySerializer.INSTANCE);

    /** Alerts, also where a record holds one ({@link #of}). */
    public static final TypeInformation<Alert> ALERT =
            new SerializerTypeInfo<>(Alert.class, AlertSerializer.INSTANCE);

    /**
     * Flink's own analysis of a record type, except that its {@link LocalDate} fields, at any
     * depth, are serialized by Flink's {@code LocalDateSerializer}: the analysis treats {@code
     * LocalDate} as a generic type and leaves it to Kryo; alerts, at any depth, by {@link
     * AlertSerializer}. Use it for every record that holds a date, in {@code returns(...)}, output
     * tags and state descriptors.
     */
    public static <T> TypeInformation<T> of(Class<T> type) {
        return withLocalDates(TypeInformation.of(type));
    }

    @SuppressWarnings("unchecked")
    private static <T> TypeInformation<T> withLocalDates(TypeInformation<T> t) {
        if (t instanceof GenericTypeInfo<T> g && g.getTypeClass() == LocalDate.class) {
            return (TypeInformation<T>) LocalTimeTypeInfo.LOCAL_DATE;
        }
        if (t instanceof GenericTypeInfo<T> g && g.getTypeClass() == AlertDetails.class) {
            return (TypeInformation<T>) ALERT_DETAILS;
        }
        if (t.getTypeClass() == Alert.class) {
            return (TypeInformation<T>) ALERT;
        }
        if (t instanceof PojoTypeInfo<T> pojo) {
            List<PojoField> fields = new ArrayList<>();
            for (int i = 0; i < pojo.getArity(); i++) {
                PojoField f = pojo.getPojoFieldAt(i);
                fields.add(new PojoField(f.getField(), withLocalDates(f.getTypeInformation())));
            }
            return new PojoTypeInfo<>(pojo.getTypeClass(), fields);
        }
        if (t instanceof NullableListTypeInfo<?> list) {
            return (TypeInformation<T>)
                    new NullableListTypeInfo<>(withLocalDates(list.getElementTypeInfo()));
        }
        if (t instanceof NullableSetTypeInfo<?> set) {
            return (TypeInformation<T>)
                    new NullableSetTypeInfo<>(withLocalDates(set.getElementTypeInfo()));
        }
        if (t instanceof NullableMapTypeInfo<?, ?> map) {
            return (TypeInformation<T>)
                    new NullableMapTypeInfo<>(
                            withLocalDates(map.getKeyTypeInfo()),
                            withLocalDates(map.getValueTypeInfo()));
        }
        return t;
    }
}
