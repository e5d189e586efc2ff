package kz.migration.monitor.job;

import static java.util.Comparator.comparing;
import static java.util.Comparator.naturalOrder;
import static java.util.Comparator.nullsFirst;

import java.time.LocalDate;
import java.util.Comparator;
import kz.migration.monitor.event.BorderCrossing;
import kz.migration.monitor.event.Employment;
import kz.migration.monitor.event.InflowThreshold;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.QuotaLimit;
import kz.migration.monitor.event.Registration;

/**
 * Which of two copies of one event (same stream, same {@code eventId}) counts: the one that sorts
 * first here. The contract's rule comes first: the earliest {@code occurredAt}. Copies of one
 * instant are then ordered by content, so that every arrival order picks the same copy: by record
 * type (only reference data mixes types: quota limits before inflow thresholds), then field by
 * field in the record's order, text by {@link String#compareTo}, enum constants by name, dates and
 * numbers by value, absent values first.
 */
final class CopyOrder {

    private CopyOrder() {}

    static final Comparator<InputEvent> EARLIEST_FIRST =
            Comparator.comparing(InputEvent::occurredAt)
                    .thenComparingInt(CopyOrder::typeRank)
                    .thenComparing(CopyOrder::compareContent);

    private static final Comparator<String> TEXT = nullsFirst(naturalOrder());
    private static final Comparator<Enum<?>> CONSTANT = nullsFirst(comparing(Enum::name));
    private static final Comparator<LocalDate> DATE = nullsFirst(naturalOrder());

    private static final Comparator<BorderCrossing> CROSSINGS =
            comparing(BorderCrossing::subjectRef, TEXT)
                    .thenComparing(BorderCrossing::citizenship, TEXT)
                    .thenComparing(BorderCrossing::direction, CONSTANT)
                    .thenComparing(BorderCrossing::checkpoint, TEXT)
                    .thenComparing(BorderCrossing::region, CONSTANT)
                    .thenComparing(BorderCrossing::city, TEXT)
                    .thenComparing(BorderCrossing::purpose, CONSTANT)
                    .thenComparing(BorderCrossing::permitUntil, DATE);

    private static final Comparator<Registration> REGISTRATIONS =
            comparing(Registration::subjectRef, TEXT)
                    .thenComparing(Registration::citizenship, TEXT)
                    .thenComparing(Registration::kind, CONSTANT)
                    .thenComparing(Registration::region, CONSTANT)
                    .thenComparing(Registration::city, TEXT)
                    .thenComparing(Registration::previousRegion, CONSTANT)
                    .thenComparing(Registration::previousCity, TEXT)
                    .thenComparing(Registration::validUntil, DATE)
                    .thenComparing(Registration::program, CONSTANT);

    private static final Comparator<Employment> EMPLOYMENT =
            comparing(Employment::subjectRef, TEXT)
                    .thenComparing(Employment::citizenship, TEXT)
                    .thenComparing(Employment::kind, CONSTANT)
                    .thenComparing(Employment::region, CONSTANT)
                    .thenComparing(Employment::city, TEXT)
                    .thenComparing(Employment::permitId, TEXT)
                    .thenComparing(Employment::category, CONSTANT)
                    .thenComparing(Employment::permitUntil, DATE)
                    .thenComparing(Employment::sector, CONSTANT)
                    .thenComparing(Employment::employerId, TEXT);

    private static final Comparator<QuotaLimit> QUOTA_LIMITS =
            Comparator.comparingInt(QuotaLimit::year)
                    .thenComparing(QuotaLimit::region, CONSTANT)
                    .thenComparing(QuotaLimit::category, CONSTANT)
                    .thenComparingLong(QuotaLimit::limit);

    private static final Comparator<InflowThreshold> INFLOW_THRESHOLDS =
            comparing(InflowThreshold::region, CONSTANT)
                    .thenComparing(InflowThreshold::city, TEXT)
                    .thenComparingLong(InflowThreshold::netInflow7d);

    private static int typeRank(InputEvent e) {
        if (e instanceof BorderCrossing) {
            return 0;
        } else if (e instanceof Registration) {
            return 1;
        } else if (e instanceof Employment) {
            return 2;
        } else if (e instanceof QuotaLimit) {
            return 3;
        }
        return 4;
    }

    /** Compares two events of one type (see {@link #typeRank}). */
    private static int compareContent(InputEvent a, InputEvent b) {
        if (a instanceof BorderCrossing c) {
            return CROSSINGS.compare(c, (BorderCrossing) b);
        } else if (a instanceof Registration r) {
            return REGISTRATIONS.compare(r, (Registration) b);
        } else if (a instanceof Employment e) {
            return EMPLOYMENT.compare(e, (Employment) b);
        } else if (a instanceof QuotaLimit q) {
            return QUOTA_LIMITS.compare(q, (QuotaLimit) b);
        }
        return INFLOW_THRESHOLDS.compare((InflowThreshold) a, (InflowThreshold) b);
    }
}
