package kz.migration.monitor.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.flink.shaded.guava33.com.google.common.hash.Hashing;
import org.junit.jupiter.api.Test;

class FingerprintSetTest {

    @Test
    void answersAsAHashSetOfTheIdsDoesOverRandomIdsWithRepeats() {
        Random random = new Random(7);
        Set<String> ids = new HashSet<>();
        FingerprintSet set = new FingerprintSet(16);
        for (int i = 0; i < 200_000; i++) {
            // a pool small enough that about a third of the draws repeat an earlier id
            String id = new UUID(0, random.nextInt(300_000)).toString();
            String stream = random.nextBoolean() ? "border-crossings" : "registrations";
            EventFingerprint f = EventFingerprint.of(stream, id);
            assertEquals(ids.contains(stream + id), set.contains(f.hi(), f.lo()), id);
            assertEquals(ids.add(stream + id), set.add(f.hi(), f.lo()), id);
        }
        assertEquals(ids.size(), set.size());
    }

    @Test
    void growsAndKeepsWhatItHeld() {
        FingerprintSet set = new FingerprintSet(16);
        for (long i = 1; i <= 100_000; i++) {
            assertTrue(set.add(i, -i));
        }
        assertTrue(set.capacity() >= 100_000 / 0.75, "capacity " + set.capacity());
        for (long i = 1; i <= 100_000; i++) {
            assertTrue(set.contains(i, -i));
            assertFalse(set.add(i, -i));
        }
        assertFalse(set.contains(100_001, -100_001));
        assertEquals(100_000, set.size());
    }

    @Test
    void tellsApartFingerprintsThatShareHalfOrASlot() {
        FingerprintSet set = new FingerprintSet(16);
        // same low half: the same home slot, so they probe past each other
        assertTrue(set.add(1, 42));
        assertTrue(set.add(2, 42));
        assertTrue(set.add(42, 1));
        assertTrue(set.contains(1, 42));
        assertTrue(set.contains(2, 42));
        assertFalse(set.contains(3, 42));
        assertFalse(set.contains(42, 2));
        // the empty-slot marker is a fingerprint too
        assertFalse(set.contains(0, 0));
        assertTrue(set.add(0, 0));
        assertFalse(set.add(0, 0));
        assertTrue(set.contains(0, 0));
        assertEquals(4, set.size());
    }

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
