package kz.migration.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import kz.migration.monitor.json.RawPayload;
import org.junit.jupiter.api.Test;

/** Replay's line reader keeps at most the size bound of a line and reads on after it. */
class BoundedLinesTest {

    private static BoundedLines of(String text) {
        return new BoundedLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anOverLongLineBecomesItsPrefixAndTheNextLineIsIntact() throws IOException {
        String huge = "{\"pad\":\"" + "x".repeat(4 << 20) + "\"}";
        try (BoundedLines lines = of("{\"a\":1}\n" + huge + "\n{\"b\":2}\r\n{\"c\":3}")) {
            assertThat(lines.next()).isEqualTo(new RawPayload("{\"a\":1}", null));

            RawPayload over = lines.next();
            assertThat(over.problem())
                    .isEqualTo(
                            "record exceeds 65536 bytes (has "
                                    + huge.length()
                                    + "); the payload keeps only its first 65536 bytes");
            assertThat(over.text()).hasSize(RawPayload.MAX_RECORD_BYTES);
            assertThat(huge).startsWith(over.text());

            assertThat(lines.next()).isEqualTo(new RawPayload("{\"b\":2}", null));
            assertThat(lines.next()).isEqualTo(new RawPayload("{\"c\":3}", null));
            assertThat(lines.next()).isNull();
        }
    }

    @Test
    void aLineExactlyAtTheBoundIsKeptWhole() throws IOException {
        String line = "x".repeat(RawPayload.MAX_RECORD_BYTES);
        try (BoundedLines lines = of(line + "\r\n\n")) {
            assertThat(lines.next()).isEqualTo(new RawPayload(line, null));
            assertThat(lines.next()).isEqualTo(new RawPayload("", null));
            assertThat(lines.next()).isNull();
        }
    }
}
