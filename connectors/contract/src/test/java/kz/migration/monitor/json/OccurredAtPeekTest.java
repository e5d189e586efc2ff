package kz.migration.monitor.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The peek answers only where the text leaves no doubt which {@code occurredAt} is meant. */
class OccurredAtPeekTest {

    private static final long AT = Instant.parse("2026-03-01T04:00:00.5Z").toEpochMilli();

    @Test
    void plainTextGivesTheEventTime() {
        assertThat(OccurredAtPeek.millis("{\"occurredAt\":\"2026-03-01T09:00:00.500+05:00\"}"))
                .isEqualTo(AT);
        assertThat(OccurredAtPeek.millis("{\"a\":1, \"occurredAt\" :\t\"2026-03-01T04:00:00.5Z\"}"))
                .isEqualTo(AT);
    }

    @Test
    void doubtfulTextIsUnknown() {
        String[] doubtful = {
            null,
            "{}",
            "{\"occurred\\u0041t\":\"2026-03-01T04:00:00Z\"}",
            "{\"occurredAt\":\"2026-03-01T04:00:00Z\",\"note\":\"a\\\"b\"}",
            "{\"occurredAt\":\"2026-03-01T04:00:00Z\",\"occurredAt\":\"2026-03-02T04:00:00Z\"}",
            "{\"occurredAt\":1772337600000}",
            "{\"occurredAt\":\"yesterday\"}",
            "{\"occurredAt\":\"2026-02-30T04:00:00Z\"}",
            "{\"occurredAt\"",
            "{\"occurredAt\":\"2026-03-01T04:00:00Z",
            "[\"occurredAt\"]"
        };
        for (String text : doubtful) {
            assertThat(OccurredAtPeek.millis(text)).as(text).isEqualTo(OccurredAtPeek.UNKNOWN);
        }
    }
}
