package kz.migration.monitor.generator;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Synthetic identifiers. Person ids are {@code P} and nine digits, unique within a run and never a
 * real document number or IIN; event ids are version-4 UUIDs drawn from the seeded random source,
 * so the same seed gives the same ids.
 */
final class IdSource {

    private static final long PERSON_SPACE = 1_000_000_000L;

    /** Coprime to 10^9, so multiplying by it permutes the id space: unique ids that look random. */
    private static final long SCRAMBLE = 387_420_489L;

    private final SplittableRandom rng;
    private final long personOffset;
    private long nextPerson;
    private long nextPermit;

    IdSource(SplittableRandom rng) {
        this.rng = rng;
        this.personOffset = Math.floorMod(rng.nextLong(), PERSON_SPACE);
    }

    /** A new person number; {@link #personId} spells it. */
    long newPerson() {
        if (nextPerson == PERSON_SPACE) {
            // beyond this the scrambled ids would repeat and merge strangers into one person
            throw new IllegalStateException("more than 10^9 persons: lower the scale or the days");
        }
        return nextPerson++;
    }

    static String personId(long person, long offset) {
        long scrambled = Math.floorMod(person * SCRAMBLE + offset, PERSON_SPACE);
        String digits = Long.toString(scrambled);
        return "P" + "0".repeat(9 - digits.length()) + digits;
    }

    String personId(long person) {
        return personId(person, personOffset);
    }

    String newPermitId(int year) {
        String digits = Long.toString(++nextPermit);
        return "WP-" + year + "-" + "0".repeat(Math.max(0, 7 - digits.length())) + digits;
    }

    String newEventId() {
        long msb = (rng.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
