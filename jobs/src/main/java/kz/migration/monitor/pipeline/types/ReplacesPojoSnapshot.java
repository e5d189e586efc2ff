package kz.migration.monitor.pipeline.types;

import java.util.function.Supplier;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializerSnapshot;

/**
 * The snapshot of a hand-written serializer that replaced Flink's {@code PojoSerializer} for its
 * type: state that the {@code PojoSerializer} wrote (a savepoint of the versions before) is read
 * with it and rewritten in the new form when the job restores, rather than refused.
 */
public abstract class ReplacesPojoSnapshot<T> extends SimpleTypeSerializerSnapshot<T> {

    protected ReplacesPojoSnapshot(Supplier<? extends TypeSerializer<T>> serializer) {
        super(serializer);
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
            TypeSerializerSnapshot<T> oldSnapshot) {
        if (oldSnapshot instanceof PojoSerializerSnapshot) {
            return TypeSerializerSchemaCompatibility.compatibleAfterMigration();
        }
        return super.resolveSchemaCompatibility(oldSnapshot);
    }
}
