package kz.migration.monitor.generator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;

/**
 * An event decided but not yet rendered. Kept compact because the exits and returns of everyone
 * still travelling wait in the {@link Schedule} for weeks; JSON is built only when a day is
 * emitted.
 */
sealed interface PlannedEvent {

    /** Event time, epoch seconds. */
    long at();

    long person();

    String citizenship();

    /** A crossing; {@code purpose} and {@code permitUntil} may be null. */
    record Crossing(
            long at,
            long person,
            String citizenship,
            Checkpoint checkpoint,
            boolean entry,
            String purpose,
            LocalDate permitUntil)
            implements PlannedEvent {}

    /** A residence registration; the optional fields may be null. */
    record Registration(
            long at,
            long person,
            String citizenship,
            String kind,
            String region,
            String city,
            String previousRegion,
            String previousCity,
            LocalDate validUntil,
            String program)
            implements PlannedEvent {}

    /** A work permit or employment event; the optional fields may be null. */
    record Employment(
            long at,
            long person,
            String citizenship,
            String kind,
            String region,
            String city,
            String permitId,
            String category,
            LocalDate permitUntil,
            String sector,
            String employerId)
            implements PlannedEvent {}

    /**
     * A {@code reference-data} record, already in its JSON form (rare enough to be built when
     * planned); delivered exactly, without the configured disorder.
     */
    record Reference(long at, String key, ObjectNode json) implements PlannedEvent {
        @Override
        public long person() {
            return -1;
        }

        @Override
        public String citizenship() {
            return null;
        }
    }

    /**
     * An event of a {@link Storylines storyline}: delivered exactly, without the configured
     * disorder, so that it always has its effect.
     */
    record Exact(PlannedEvent event) implements PlannedEvent {
        @Override
        public long at() {
            return event.at();
        }

        @Override
        public long person() {
            return event.person();
        }

        @Override
        public String citizenship() {
            return event.citizenship();
        }
    }
}
