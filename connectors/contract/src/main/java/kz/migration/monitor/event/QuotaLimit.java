package kz.migration.monitor.event;

import java.time.Instant;

/**
 * A {@code QUOTA} reference record: the number of work permits region {@code region} may have
 * active in {@code year}, for one category or for {@code ALL}.
 *
 * @param category a permit category, or {@code null} for the contract's {@code ALL}
 */
public record QuotaLimit(
        String eventId,
        Instant occurredAt,
        int year,
        Region region,
        PermitCategory category,
        long limit)
        implements ReferenceRecord {

    /** The contract's spelling of the category: {@code CAT1} .. {@code SEASONAL} or {@code ALL}. */
    public String categoryName() {
        return category == null ? "ALL" : category.name();
    }

    @Override
    public String identity() {
        return "QUOTA|" + year + "|" + region.code() + "|" + categoryName();
    }

    @Override
    public long value() {
        return limit;
    }
}
