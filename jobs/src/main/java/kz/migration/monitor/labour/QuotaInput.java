package kz.migration.monitor.labour;

import java.util.Comparator;
import kz.migration.monitor.event.QuotaLimit;

/** What a region's quota ledger reads: permit changes and quota records, one per element. */
public record QuotaInput(PermitChange change, QuotaLimit limit) {

    /**
     * Expiries at the end of a day come first, then reference data, then issues and revocations (by
     * event id), a replaced permit's removal before its replacement.
     */
    public static final Comparator<QuotaInput> ORDER =
            Comparator.comparingInt(QuotaInput::rank)
                    .thenComparing(QuotaInput::eventId)
                    .thenComparing(q -> q.change != null && q.change.added());

    public static QuotaInput of(PermitChange change) {
        return new QuotaInput(change, null);
    }

    public static QuotaInput of(QuotaLimit limit) {
        return new QuotaInput(null, limit);
    }

    /** The key of the region's ledger: its ISO code. */
    public String regionCode() {
        return (change != null ? change.region() : limit.region()).code();
    }

    private int rank() {
        return limit != null ? 1 : change.order() == 0 ? 0 : 2;
    }

    private String eventId() {
        String id = limit != null ? limit.eventId() : change.eventId();
        return id == null ? "" : id;
    }
}
