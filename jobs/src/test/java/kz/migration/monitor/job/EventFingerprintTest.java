package kz.migration.monitor.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.UUID;
import org.apache.flink.shaded.guava33.com.google.common.hash.Hashing;
import org.junit.jupiter.api.Test;

/** The hash replay's first pass keys each line's id by. */
class EventFingerprintTest {

    @Test
    void fingerprintIsMurmur3Of128BitsOverTheStreamAndId() {
        for (String id : new String[] {"", "a", "e-1", UUID.randomUUID().toString(), "ïd-ü"}) {
            String s = "border-crossings" + '\0' + id;
            byte[] guava = Hashing.murmur3_128().hashUnencodedChars(s).asBytes();
            EventFingerprint f = EventFingerprint.of("border-crossings", id);
            assertEquals(
                    java.nio.ByteBuffer.wrap(guava)
                            .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                            .getLong(0),
                    f.hi(),
                    id);
            assertEquals(
                    java.nio.ByteBuffer.wrap(guava)
                            .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                            .getLong(8),
                    f.lo(),
                    id);
        }
        for (int n = 0; n < 40; n++) {
            String s = "x".repeat(n);
            byte[] guava = Hashing.murmur3_128().hashUnencodedChars(s).asBytes();
            EventFingerprint f = EventFingerprint.hash(s);
            assertEquals(
                    java.nio.ByteBuffer.wrap(guava)
                            .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                            .getLong(0),
                    f.hi(),
                    "length " + n);
        }
        assertFalse(
                EventFingerprint.of("border-crossings", "e-1")
                        .equals(EventFingerprint.of("registrations", "e-1")));
    }
}
