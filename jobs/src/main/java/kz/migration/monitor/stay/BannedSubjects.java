package kz.migration.monitor.stay;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collection;

/**
 * The persons whose entries can meet a ban: anyone in the streaming job, where a ban may arrive at
 * any time; in a replay only those some {@code ENTRY_BAN} record of its files names, which its
 * first pass collects. Entries of anyone else cannot raise {@code BANNED_ENTRY}, and replay skips
 * sending them to {@link EntryBanCheck}: profiled, its shuffle and buffer of every entry were a
 * tenth of replay's time.
 *
 * <p>Held as sorted 64-bit hashes of the pseudonyms, small enough for the job graph: two pseudonyms
 * that share a hash only let an entry through that the check then finds unbanned.
 */
public final class BannedSubjects implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Everyone may be banned. */
    public static final BannedSubjects ANYONE = new BannedSubjects(null);

    /** Sorted and distinct; {@code null} for anyone. */
    private final long[] hashes;

    private BannedSubjects(long[] hashes) {
        this.hashes = hashes;
    }

    /** Only the persons of these pseudonyms. */
    public static BannedSubjects only(Collection<String> subjectRefs) {
        long[] h =
                subjectRefs.stream().mapToLong(BannedSubjects::hash).sorted().distinct().toArray();
        return new BannedSubjects(h);
    }

    /** Whether the person of {@code subjectRef} may have a ban (certainly, if one was named). */
    public boolean mayBeBanned(String subjectRef) {
        return hashes == null
                || (subjectRef != null && Arrays.binarySearch(hashes, hash(subjectRef)) >= 0);
    }

    /** How many pseudonyms' hashes this holds; -1 for anyone. */
    public int size() {
        return hashes == null ? -1 : hashes.length;
    }

    /** FNV-1a over the chars: a pseudonym is 64 hex digits of an HMAC, so spread already. */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
