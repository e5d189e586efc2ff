package kz.migration.monitor.job;

/**
 * A set of 128-bit fingerprints in one {@code long[]} (open addressing, linear probing): 16 bytes a
 * slot and at most 3/4 of the slots used, so about 21-43 bytes per fingerprint, against some 200
 * for an id string in Flink's keyed state. Not thread-safe.
 */
final class FingerprintSet {

    private static final double MAX_LOAD = 0.75;

    /** Slot i holds {@code table[2i], table[2i+1]}; (0, 0) marks an empty slot. */
    private long[] table;

    private int mask;
    private int size;
    private boolean hasZero;

    FingerprintSet() {
        this(1 << 10);
    }

    /**
     * @param slots initial slots, rounded up to a power of two
     */
    FingerprintSet(int slots) {
        int n = Integer.highestOneBit(Math.max(16, slots - 1)) << 1;
        table = new long[2 * n];
        mask = n - 1;
    }

    /** Adds the fingerprint; {@code false} if it was there already. */
    boolean add(long hi, long lo) {
        if (hi == 0 && lo == 0) {
            boolean added = !hasZero;
            hasZero = true;
            size += added ? 1 : 0;
            return added;
        }
        if (size + 1 > (mask + 1) * MAX_LOAD) {
            grow();
        }
        if (!insert(table, mask, hi, lo)) {
            return false;
        }
        size++;
        return true;
    }

    boolean contains(long hi, long lo) {
        if (hi == 0 && lo == 0) {
            return hasZero;
        }
        for (int i = slot(lo, mask); ; i = (i + 1) & mask) {
            long h = table[2 * i];
            long l = table[2 * i + 1];
            if (h == hi && l == lo) {
                return true;
            }
            if (h == 0 && l == 0) {
                return false;
            }
        }
    }

    int size() {
        return size;
    }

    /** The slots allocated, for tests of growth. */
    int capacity() {
        return mask + 1;
    }

    private static boolean insert(long[] t, int mask, long hi, long lo) {
        for (int i = slot(lo, mask); ; i = (i + 1) & mask) {
            long h = t[2 * i];
            long l = t[2 * i + 1];
            if (h == hi && l == lo) {
                return false;
            }
            if (h == 0 && l == 0) {
                t[2 * i] = hi;
                t[2 * i + 1] = lo;
                return true;
            }
        }
    }

    /** The fingerprints are hashes already; the multiply only spreads weak test values. */
    private static int slot(long lo, int mask) {
        return (int) ((lo * 0x9E3779B97F4A7C15L) >>> 32) & mask;
    }

    private void grow() {
        int n = (mask + 1) << 1;
        if (n <= 0 || 2L * n > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than " + size + " fingerprints");
        }
        long[] bigger = new long[2 * n];
        int m = n - 1;
        for (int i = 0; i < table.length; i += 2) {
            if (table[i] != 0 || table[i + 1] != 0) {
                insert(bigger, m, table[i], table[i + 1]);
            }
        }
        table = bigger;
        mask = m;
    }
}
