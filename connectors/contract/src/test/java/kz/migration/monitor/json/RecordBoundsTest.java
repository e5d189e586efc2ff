package kz.migration.monitor.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import kz.migration.monitor.event.DeadLetter;
import kz.migration.monitor.event.SourceStream;
import org.junit.jupiter.api.Test;

/**
 * The hostile-size bounds: a record over {@link RawPayload#MAX_RECORD_BYTES} bytes of UTF-8 or
 * nested deeper than {@link InputParser#MAX_NESTING_DEPTH} is one dead letter naming the bound, and
 * a record just inside both is parsed as usual.
 */
class RecordBoundsTest {

    private static final Instant AT = Instant.parse("2026-03-05T12:00:00Z");
    private static final String VALID =
            "{\"eventId\":\"bc-1\",\"occurredAt\":\"2026-03-01T10:15:00Z\",\"personId\":\"P1\","
                    + "\"citizenship\":\"UZB\",\"direction\":\"ENTRY\",\"checkpoint\":\"ALA\","
                    + "\"region\":\"KZ-75\"";
    private static final InputParser<?> PARSER =
            InputParser.of(SourceStream.BORDER_CROSSINGS, new Pseudonymiser("bounds-test-key"));

    /** The valid record with an unknown field that brings it to {@code bytes} of UTF-8. */
    private static String ofSize(int bytes, String filler) {
        int room = bytes - VALID.length() - ",\"pad\":\"\"}".length();
        int fillerBytes = filler.getBytes(StandardCharsets.UTF_8).length;
        return VALID
                + ",\"pad\":\""
                + filler.repeat(room / fillerBytes)
                + "a".repeat(room % fillerBytes)
                + "\"}";
    }

    @Test
    void recordAtTheSizeBoundIsParsed() {
        String record = ofSize(RawPayload.MAX_RECORD_BYTES, "ж");
        assertThat(record.getBytes(StandardCharsets.UTF_8)).hasSize(RawPayload.MAX_RECORD_BYTES);

        assertThat(PARSER.parse(record, AT).isValid()).isTrue();
        assertThat(
                        PARSER.parse(RawPayload.of(record.getBytes(StandardCharsets.UTF_8)), AT)
                                .isValid())
                .isTrue();
    }

    @Test
    void recordOneByteOverTheBoundIsADeadLetterKeepingItsPrefix() {
        // two-byte characters: the bound counts bytes, not characters
        String record = ofSize(RawPayload.MAX_RECORD_BYTES + 1, "ж");
        for (Parsed<?> parsed :
                new Parsed<?>[] {
                    PARSER.parse(record, AT),
                    PARSER.parse(RawPayload.of(record.getBytes(StandardCharsets.UTF_8)), AT)
                }) {
            DeadLetter d = parsed.deadLetter();
            assertThat(d).isNotNull();
            assertThat(d.field()).isEqualTo("payload");
            assertThat(d.reason()).startsWith("payload: record exceeds 65536 bytes");
            assertThat(record).startsWith(d.payload());
            assertThat(d.payload().getBytes(StandardCharsets.UTF_8).length)
                    .isBetween(RawPayload.MAX_RECORD_BYTES - 3, RawPayload.MAX_RECORD_BYTES);
        }
    }

    @Test
    void aPrefixNeverEndsInHalfACharacter() {
        byte[] bytes =
                ofSize(RawPayload.MAX_RECORD_BYTES + 10, "\ud83d\ude02")
                        .getBytes(StandardCharsets.UTF_8);
        String kept = PARSER.parse(RawPayload.of(bytes), AT).deadLetter().payload();

        assertThat(kept).doesNotContain("\ufffd");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith(kept);
    }

    @Test
    void nestingAtTheBoundIsParsedAndOneDeeperIsADeadLetter() {
        // the record is level 1, so a value of depth 15 makes 16 levels
        String inside = VALID + ",\"x\":" + "[".repeat(15) + "]".repeat(15) + "}";
        String over = VALID + ",\"x\":" + "[".repeat(16) + "]".repeat(16) + "}";

        assertThat(PARSER.parse(inside, AT).isValid()).isTrue();
        DeadLetter d = PARSER.parse(over, AT).deadLetter();
        assertThat(d.reason()).isEqualTo("payload: nesting deeper than 16");
        assertThat(d.payload()).isEqualTo(over);
    }

    @Test
    void invalidUtf8IsADeadLetterNamingTheByte() {
        byte[] bytes = (VALID + ",\"city\":\"Alm\u00e1ty\"}").getBytes(StandardCharsets.UTF_8);
        int at = new String(bytes, StandardCharsets.UTF_8).indexOf('\u00e1');
        bytes[at + 1] = (byte) 0xC3; // a lead byte where a continuation byte must be

        DeadLetter d = PARSER.parse(RawPayload.of(bytes), AT).deadLetter();

        assertThat(d).isNotNull();
        assertThat(d.reason()).startsWith("payload: not valid UTF-8 (byte ");
        assertThat(d.payload()).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
    }
}
