package kz.migration.monitor.pipeline.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Random;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.types.StringValue;
import org.junit.jupiter.api.Test;

/** Strings keep Flink's {@link StringValue} form byte for byte, so state written before reads. */
class DataFieldsTest {

    @Test
    void stringsAreWrittenAsStringValueWritesThem() throws IOException {
        Random random = new Random(9);
        String[] fixed = {
            null,
            "",
            "a",
            "Astana",
            "Алматы",
            "x".repeat(126),
            "x".repeat(127),
            "é",
            "a\u0800b",
            "\uffff".repeat(200)
        };
        for (String s : fixed) {
            assertSameForm(s);
        }
        String alphabet = "abcXYZ019-_|: ~\u007f\u0080éжŋ\uffff\u20ac";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(random.nextBoolean() ? 20 : 300);
            boolean ascii = random.nextBoolean();
            for (int j = 0; j < n; j++) {
                b.append(alphabet.charAt(random.nextInt(ascii ? 15 : alphabet.length())));
            }
            assertSameForm(b.toString());
        }
    }

    private static void assertSameForm(String s) throws IOException {
        DataOutputSerializer ours = new DataOutputSerializer(64);
        DataFields.writeString(s, ours);
        DataOutputSerializer flinks = new DataOutputSerializer(64);
        StringValue.writeString(s, flinks);
        assertThat(ours.getCopyOfBuffer()).as(s).isEqualTo(flinks.getCopyOfBuffer());
        // What follows the string is still there to read.
        flinks.writeInt(0x5eed);
        DataInputDeserializer in = new DataInputDeserializer(flinks.getCopyOfBuffer());
        assertThat(DataFields.readString(in)).isEqualTo(s);
        assertThat(in.readInt()).isEqualTo(0x5eed);
    }
}
