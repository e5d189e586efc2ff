package kz.migration.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A range of a stream reads as if the stream ended there, whichever way it is read. */
class LengthLimitedStreamTest {

    private static ByteArrayInputStream source() {
        return new ByteArrayInputStream("abcdefgh".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void bulkReadsEndAtTheLength() throws IOException {
        var in = new LengthLimitedStream(source(), 5);
        byte[] b = new byte[8];
        assertThat(in.read(b, 0, 3)).isEqualTo(3);
        assertThat(in.read(b, 3, 5)).isEqualTo(2);
        assertThat(in.read(b, 5, 3)).isEqualTo(-1);
        assertThat(new String(b, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("abcde");
    }

    @Test
    void singleBytesAndSkipsEndAtTheLength() throws IOException {
        var in = new LengthLimitedStream(source(), 4);
        assertThat(in.read()).isEqualTo('a');
        assertThat(in.skip(1)).isEqualTo(1);
        assertThat(in.available()).isEqualTo(2);
        assertThat(in.read()).isEqualTo('c');
        assertThat(in.skip(10)).isEqualTo(1);
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void aLengthBeyondTheStreamEndsWithIt() throws IOException {
        var in = new LengthLimitedStream(source(), 100);
        assertThat(in.readAllBytes()).hasSize(8);
    }
}
