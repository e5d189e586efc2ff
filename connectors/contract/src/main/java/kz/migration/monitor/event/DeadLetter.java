package kz.migration.monitor.event;

import java.time.Instant;

/**
 * A rejected input record, kept unchanged so that it can be mended and sent again.
 *
 * @param source the stream it came from, e.g. {@code border-crossings}
 * @param field the field the reason names (a bounded metric label), e.g. {@code purpose}
 * @param reason what is wrong, starting with the field's name
 * @param payload the raw record, unchanged
 */
public record DeadLetter(
        String source, String field, String reason, String payload, Instant receivedAt) {}
