package kz.migration.monitor.pipeline.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kz.migration.monitor.json.Pseudonymiser;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Pseudonyms round-trip through their 32-byte key serializer; nothing else is written. */
class SubjectRefKeySerializerTest extends SerializerTestBase<String> {

    private static final Pseudonymiser PSEUDONYMS = new Pseudonymiser("test-key");

    @Override
    protected TypeSerializer<String> createSerializer() {
        return SubjectRefKeySerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return 32;
    }

    @Override
    protected Class<String> getTypeClass() {
        return String.class;
    }

    @Override
    protected String[] getTestData() {
        return new String[] {
            PSEUDONYMS.subjectRef("P000000001"),
            PSEUDONYMS.subjectRef("P828857826"),
            "0".repeat(64),
            "f".repeat(64),
            "0123456789abcdef".repeat(4)
        };
    }

    @Test
    void aPseudonymTakesHalfItsCharactersInBytesAndDistinctOnesStayDistinct() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        SubjectRefKeySerializer.INSTANCE.serialize(PSEUDONYMS.subjectRef("P1"), out);
        byte[] first = out.getCopyOfBuffer();
        out.clear();
        SubjectRefKeySerializer.INSTANCE.serialize(PSEUDONYMS.subjectRef("P2"), out);

        assertThat(first).hasSize(32).isNotEqualTo(out.getCopyOfBuffer());
    }

    @Test
    void aRawIdentifierIsRefusedWithoutBeingNamed() {
        DataOutputSerializer out = new DataOutputSerializer(64);

        assertThatThrownBy(() -> SubjectRefKeySerializer.INSTANCE.serialize("P828857826", out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a subjectRef is 64 hex digits, not 10 chars")
                .message()
                .doesNotContain("P828857826");
        String upper = PSEUDONYMS.subjectRef("P1").toUpperCase();
        assertThatThrownBy(() -> SubjectRefKeySerializer.INSTANCE.serialize(upper, out))
                .hasMessageStartingWith("a subjectRef is lowercase hex digits; character ")
                .message()
                .doesNotContain(upper);
    }

    @Test
    void isAKeyTypeOnlyWhereMadeOne() {
        assertThat(MonitorTypes.SUBJECT_REF_KEY.isKeyType()).isTrue();
        assertThat(MonitorTypes.INPUT_EVENT.isKeyType()).isFalse();
        assertThat(MonitorTypes.SUBJECT_REF_KEY)
                .isNotEqualTo(
                        new SerializerTypeInfo<>(String.class, SubjectRefKeySerializer.INSTANCE));
    }
}
