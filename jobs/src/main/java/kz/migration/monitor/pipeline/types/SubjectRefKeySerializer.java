package kz.migration.monitor.pipeline.types;

import java.io.IOException;
import java.util.HexFormat;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Serializes a {@code subjectRef}, the 64 lowercase hex digits of an HMAC-SHA256, as its 32 bytes:
 * a key of fixed length. BATCH mode sorts each keyed input by its serialized key, and a key of
 * fixed length sorts by a normalized prefix of its bytes; a string's varying length makes the
 * sorter compare whole records. Anything else is refused, naming only its length, never the value.
 */
public final class SubjectRefKeySerializer extends TypeSerializerSingleton<String> {

    private static final long serialVersionUID = 1L;

    public static final SubjectRefKeySerializer INSTANCE = new SubjectRefKeySerializer();

    /** The bytes of an HMAC-SHA256. */
    static final int BYTES = 32;

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public String createInstance() {
        return "";
    }

    @Override
    public String copy(String from) {
        return from;
    }

    @Override
    public String copy(String from, String reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return BYTES;
    }

    @Override
    public void serialize(String ref, DataOutputView out) throws IOException {
        if (ref.length() != 2 * BYTES) {
            throw new IllegalArgumentException(
                    "a subjectRef is " + 2 * BYTES + " hex digits, not " + ref.length() + " chars");
        }
        for (int i = 0; i < 2 * BYTES; i += 2) {
            out.writeByte(digit(ref, i) << 4 | digit(ref, i + 1));
        }
    }

    private static int digit(String ref, int at) {
        char c = ref.charAt(at);
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        throw new IllegalArgumentException(
                "a subjectRef is lowercase hex digits; character " + at + " is not one");
    }

    @Override
    public String deserialize(DataInputView in) throws IOException {
        byte[] hmac = new byte[BYTES];
        in.readFully(hmac);
        // The pseudonymiser's own format: lowercase.
        return HexFormat.of().formatHex(hmac);
    }

    @Override
    public String deserialize(String reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        out.write(in, BYTES);
    }

    @Override
    public TypeSerializerSnapshot<String> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration: its snapshot names it. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<String> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
