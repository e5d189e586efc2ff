package kz.migration.monitor.job;

import kz.migration.monitor.event.InputEvent;

/**
 * A 128-bit fingerprint of an event's identity (its stream and {@code eventId}): MurmurHash3
 * x64/128 (seed 0) over the UTF-16LE code units of {@code stream + '\0' + eventId}, the value
 * Guava's {@code murmur3_128().hashUnencodedChars} gives. Replay remembers these instead of the
 * ids.
 *
 * <p>Two different ids share a fingerprint with probability about n²/2¹²⁹ among n ids: for a
 * national year (3.1·10⁷ ids) about 1.4·10⁻²⁴, for seven times that about 7·10⁻²³. A collision
 * would drop one event as a duplicate of another.
 */
record EventFingerprint(long hi, long lo) {

    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    static EventFingerprint of(InputEvent e) {
        return of(e.stream().topic(), e.eventId());
    }

    static EventFingerprint of(String stream, String eventId) {
        return hash(stream + '\0' + eventId);
    }

    /** MurmurHash3 x64/128 of the string's UTF-16LE code units. */
    static EventFingerprint hash(CharSequence s) {
        int n = s.length();
        long h1 = 0;
        long h2 = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long k1 = chars(s, i);
            long k2 = chars(s, i + 4);
            h1 ^= mixK1(k1);
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;
            h2 ^= mixK2(k2);
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        long k1 = 0;
        long k2 = 0;
        int rest = n - i;
        for (int j = 0; j < rest; j++) {
            long c = s.charAt(i + j);
            if (j < 4) {
                k1 |= c << (16 * j);
            } else {
                k2 |= c << (16 * (j - 4));
            }
        }
        if (rest > 4) {
            h2 ^= mixK2(k2);
        }
        if (rest > 0) {
            h1 ^= mixK1(k1);
        }
        long len = 2L * n;
        h1 ^= len;
        h2 ^= len;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        h1 += h2;
        h2 += h1;
        return new EventFingerprint(h1, h2);
    }

    private static long chars(CharSequence s, int at) {
        return (long) s.charAt(at)
                | (long) s.charAt(at + 1) << 16
                | (long) s.charAt(at + 2) << 32
                | (long) s.charAt(at + 3) << 48;
    }

    private static long mixK1(long k1) {
        return Long.rotateLeft(k1 * C1, 31) * C2;
    }

    private static long mixK2(long k2) {
        return Long.rotateLeft(k2 * C2, 33) * C1;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
