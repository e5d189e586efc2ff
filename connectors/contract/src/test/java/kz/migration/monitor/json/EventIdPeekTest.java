package kz.migration.monitor.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The peek answers only where the text leaves no doubt which {@code eventId} is meant. */
class EventIdPeekTest {

    @Test
    void plainTextGivesTheId() {
        assertThat(EventIdPeek.of("{\"eventId\":\"c-1\",\"personId\":\"P1\"}")).isEqualTo("c-1");
        assertThat(EventIdPeek.of("{\"a\":1, \"eventId\" :\t\"é 2\"}")).isEqualTo("é 2");
    }

    @Test
    void plainTextWithoutTheKeyHasNoId() {
        assertThat(EventIdPeek.of("{}")).isEqualTo(EventIdPeek.NONE);
        assertThat(EventIdPeek.of("{\"type\":\"QUOTA_LIMIT\"}")).isEqualTo(EventIdPeek.NONE);
    }

    @Test
    void doubtfulTextIsUnknown() {
        String[] doubtful = {
            null,
            "{\"event\\u0049d\":\"c-1\"}",
            "{\"eventId\":\"c-1\",\"note\":\"a\\\"b\"}",
            "{\"eventId\":\"c-1\",\"eventId\":\"c-2\"}",
            "{\"checkpoint\":\"eventId\",\"eventId\":\"c-2\"}",
            "{\"eventId\":17}",
            "{\"eventId\":null}",
            "{\"eventId\"",
            "{\"eventId\":\"c-1",
            "[\"eventId\"]"
        };
        for (String text : doubtful) {
            assertThat(EventIdPeek.of(text)).as(text).isEqualTo(EventIdPeek.UNKNOWN);
        }
    }

    @Test
    void everyValidRecordOfTheCorpusHasThePeekedIdWhereThePeekAnswers() {
        Pseudonymiser pseudonymiser = new Pseudonymiser("peek-key");
        int answered = 0;
        for (ContractCorpus.Case c : ContractCorpus.all()) {
            Parsed<?> parsed =
                    InputParser.of(c.stream(), pseudonymiser).parse(c.payload(), Instant.EPOCH);
            String peeked = EventIdPeek.of(c.payload());
            if (!parsed.isValid() || peeked == EventIdPeek.UNKNOWN) {
                continue;
            }
            answered++;
            String id = parsed.event().eventId();
            assertThat(peeked).as(c.toString()).isEqualTo(id == null ? EventIdPeek.NONE : id);
        }
        assertThat(answered).isGreaterThan(10);
    }
}
