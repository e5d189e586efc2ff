package kz.migration.monitor.pipeline.types;

import java.io.IOException;
import java.util.function.Supplier;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputView;

/**
 * The snapshot of a serializer of events since they carry the {@code subjectRef} where they used to
 * carry the raw {@code personId}. The bytes did not change, their meaning did: state written before
 * holds raw identifiers and is keyed by them, so it must not restore. Flink's simple snapshots are
 * version 3; this one is 4 and refuses anything older with a message saying why, rather than
 * letting a savepoint of raw identifiers be read as pseudonyms.
 */
abstract class SubjectRefFormSnapshot<T> extends SimpleTypeSerializerSnapshot<T> {

    /** The first version whose events carry {@code subjectRef}. */
    static final int VERSION = 4;

    SubjectRefFormSnapshot(Supplier<? extends TypeSerializer<T>> serializer) {
        super(serializer);
    }

    @Override
    public int getCurrentVersion() {
        return VERSION;
    }

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
            throws IOException {
        if (readVersion != VERSION) {
            throw new IOException(
                    getClass().getName()
                            + " version "
                            + readVersion
                            + ": this state was written before events carried subjectRef instead"
                            + " of the raw personId and cannot be restored; start the job without"
                            + " it (from the committed Kafka offsets or the earliest) or replay the"
                            + " inputs");
        }
    }
}
