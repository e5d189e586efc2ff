package kz.migration.monitor.json;

import kz.migration.monitor.event.EntryBan;
import kz.migration.monitor.event.InflowThreshold;
import kz.migration.monitor.event.LabourShortage;
import kz.migration.monitor.event.PermitCategory;
import kz.migration.monitor.event.QuotaLimit;
import kz.migration.monitor.event.ReferenceRecord;
import kz.migration.monitor.event.Sector;
import kz.migration.monitor.event.SourceStream;

/**
 * Parser of the {@code reference-data} stream. Its records need only {@code kind}, {@code
 * occurredAt} and their own fields; an {@code eventId}, when given, is validated and used for
 * de-duplication like in the other streams.
 */
public final class ReferenceDataParser extends InputParser<ReferenceRecord> {

    private static final long serialVersionUID = 2L;

    ReferenceDataParser(Pseudonymiser pseudonymiser) {
        super(pseudonymiser);
    }

    /** The {@code kind} values of reference data. */
    enum Kind {
        QUOTA,
        INFLOW_THRESHOLD,
        ENTRY_BAN,
        SHORTAGE
    }

    /** Quota categories: the permit categories and {@code ALL}. */
    enum QuotaCategory {
        CAT1,
        CAT2,
        CAT3,
        CAT4,
        SEASONAL,
        ALL
    }

    @Override
    public SourceStream stream() {
        return SourceStream.REFERENCE_DATA;
    }

    @Override
    boolean personal() {
        return false;
    }

    @Override
    ReferenceRecord read(Common c, RecordFields f) throws InvalidFieldException {
        Kind kind = f.requireEnum("kind", Kind.class);
        return switch (kind) {
            case QUOTA -> {
                int year = (int) f.requireInteger("year", 1, 9999);
                var region = f.requireRegion("region");
                QuotaCategory category = f.requireEnum("category", QuotaCategory.class);
                long limit = f.requireInteger("limit", 0, Long.MAX_VALUE);
                yield new QuotaLimit(
                        c.eventId(),
                        c.occurredAt(),
                        year,
                        region,
                        category == QuotaCategory.ALL
                                ? null
                                : PermitCategory.valueOf(category.name()),
                        limit);
            }
            case INFLOW_THRESHOLD ->
                    new InflowThreshold(
                            c.eventId(),
                            c.occurredAt(),
                            f.requireRegion("region"),
                            f.optionalCity("city"),
                            f.requireInteger("netInflow7d", 1, Long.MAX_VALUE));
            // An until before the local date of occurredAt is valid: it lifts the ban.
            case ENTRY_BAN ->
                    new EntryBan(
                            c.eventId(),
                            c.occurredAt(),
                            requireSubjectRef(f),
                            f.requireDate("until"),
                            f.optionalCitizenship("citizenship"));
            case SHORTAGE ->
                    new LabourShortage(
                            c.eventId(),
                            c.occurredAt(),
                            (int) f.requireInteger("year", 1, 9999),
                            f.requireRegion("region"),
                            f.requireEnum("sector", Sector.class),
                            f.requireBoolean("open"));
        };
    }
}
