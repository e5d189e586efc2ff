package kz.migration.monitor.event;

/**
 * A record of the {@code reference-data} stream. A record replaces the earlier one of the same
 * {@link #identity()} from its {@code occurredAt} on.
 */
public sealed interface ReferenceRecord extends InputEvent
        permits QuotaLimit, InflowThreshold, EntryBan, LabourShortage {

    /** The record's identity, also its Kafka key. */
    String identity();

    /** The value compared when two records of one identity share an {@code occurredAt}. */
    long value();

    @Override
    default SourceStream stream() {
        return SourceStream.REFERENCE_DATA;
    }

    @Override
    default String subjectRef() {
        return null;
    }

    @Override
    default String citizenship() {
        return null;
    }
}
