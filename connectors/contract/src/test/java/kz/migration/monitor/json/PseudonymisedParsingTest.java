package kz.migration.monitor.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.migration.monitor.event.EntryBan;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.ReferenceRecord;
import kz.migration.monitor.event.SourceStream;
import org.junit.jupiter.api.Test;

/**
 * Pseudonymisation at the edge: every parsed event carries the {@code subjectRef} (HMAC-SHA256 of
 * the record's {@code personId}), and nothing a parser hands on (events, dead-letter reasons) nor
 * anything it prints holds the raw identifier. The dead letter's payload is the one exception the
 * contract makes: it is the raw record.
 */
class PseudonymisedParsingTest {

    private static final Instant RECEIVED_AT = Instant.parse("2026-03-05T12:00:00Z");
    private static final String KEY = "pseudonymised-parsing-key";
    private static final Pseudonymiser PSEUDONYMISER = new Pseudonymiser(KEY);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A personId in a record's text, quoted or (invalidly) a bare number. */
    private static final Pattern PERSON_ID =
            Pattern.compile("\"personId\"\\s*:\\s*(?:\"([^\"]+)\"|([0-9]+))");

    @Test
    void everyStreamsEventsCarryTheHmacOfTheirPersonId() throws IOException {
        Set<SourceStream> seen = EnumSet.noneOf(SourceStream.class);
        for (ContractCorpus.Case c : ContractCorpus.valid()) {
            JsonNode record = MAPPER.readTree(c.payload());
            if (!record.hasNonNull("personId")) {
                continue;
            }
            String personId = record.get("personId").asText();
            InputEvent event = parse(c.stream(), c.payload()).event();
            if (event instanceof ReferenceRecord && !(event instanceof EntryBan)) {
                continue; // a personId of another kind of record is ignored
            }

            String subjectRef =
                    event instanceof EntryBan ban ? ban.bannedSubjectRef() : event.subjectRef();
            assertThat(subjectRef)
                    .as("subjectRef of %s", c)
                    .isEqualTo(PSEUDONYMISER.subjectRef(personId))
                    .matches("[0-9a-f]{64}");
            if (event instanceof EntryBan ban) {
                assertThat(ban.identity()).isEqualTo("ENTRY_BAN|" + subjectRef);
                assertThat(ban.subjectRef()).isNull();
            }
            seen.add(c.stream());
        }
        assertThat(seen).containsExactlyInAnyOrder(SourceStream.values());
    }

    @Test
    void anotherKeyGivesOtherSubjectRefs() {
        ContractCorpus.Case c =
                ContractCorpus.valid().stream()
                        .filter(v -> v.stream() == SourceStream.BORDER_CROSSINGS)
                        .findFirst()
                        .orElseThrow();
        String ours = parse(c.stream(), c.payload()).event().subjectRef();
        String theirs =
                InputParser.of(c.stream(), new Pseudonymiser("another-key"))
                        .parse(c.payload(), RECEIVED_AT)
                        .event()
                        .subjectRef();

        assertThat(theirs).isNotEqualTo(ours);
    }

    @Test
    void noParsedEventPrintsARawPersonId() {
        for (ContractCorpus.Case c : ContractCorpus.valid()) {
            assertNoRawId(parse(c.stream(), c.payload()).event().toString(), c.payload());
        }
    }

    @Test
    void noDeadLetterReasonOfTheCorpusHoldsARawPersonId() {
        for (ContractCorpus.Case c : ContractCorpus.invalid()) {
            Parsed<? extends InputEvent> parsed = parse(c.stream(), c.payload());

            assertThat(parsed.isValid()).isFalse();
            assertNoRawId(parsed.deadLetter().reason(), c.payload());
        }
    }

    /**
     * Broken text around an identifier makes the JSON parser quote its tokens ({@code Unrecognized
     * token 'N1234567'}): every single-character deletion in and around the {@code personId} field
     * of every valid record, and insertions there of characters that break JSON.
     */
    @Test
    void noReasonForBrokenTextHoldsARawPersonId() {
        int rejected = 0;
        for (Broken b : brokenTexts()) {
            Parsed<? extends InputEvent> parsed = parse(b.stream(), b.payload());
            if (parsed.isValid()) {
                assertNoRawId(parsed.event().toString(), b.payload());
            } else {
                rejected++;
                assertNoRawId(parsed.deadLetter().reason(), b.payload());
            }
        }
        assertThat(rejected).as("broken texts rejected").isGreaterThan(2_000);
    }

    @Test
    void anUnquotedPersonIdIsNotEchoed() {
        String payload =
                "{\"eventId\": \"bc-1\", \"occurredAt\": \"2026-03-01T10:15:00Z\", \"personId\":"
                        + " N7777777, \"citizenship\": \"UZB\"}";

        Parsed<? extends InputEvent> parsed = parse(SourceStream.BORDER_CROSSINGS, payload);

        assertThat(parsed.deadLetter().field()).isEqualTo("payload");
        assertThat(parsed.deadLetter().reason())
                .startsWith("payload: not valid JSON")
                .doesNotContain("N7777777");
    }

    @Test
    void theKeyIsNeitherPrintedNorLeftInTheParsersText() {
        InputParser<? extends InputEvent> parser =
                InputParser.of(SourceStream.BORDER_CROSSINGS, PSEUDONYMISER);

        assertThat(PSEUDONYMISER.toString()).doesNotContain(KEY);
        assertThat(parser.toString()).doesNotContain(KEY);
    }

    @Test
    void parsersAreSerializableForTheirTasks() throws IOException {
        for (SourceStream s : SourceStream.values()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(InputParser.of(s, PSEUDONYMISER));
            }
            assertThat(bytes.size()).isPositive();
        }
    }

    private static final Map<SourceStream, InputParser<? extends InputEvent>> PARSERS =
            new EnumMap<>(SourceStream.class);

    private static Parsed<? extends InputEvent> parse(SourceStream stream, String payload) {
        return PARSERS.computeIfAbsent(stream, s -> InputParser.of(s, PSEUDONYMISER))
                .parse(payload, RECEIVED_AT);
    }

    /**
     * Asserts that {@code text} holds none of the personIds of {@code payload}. An id shorter than
     * six characters, or one that also occurs elsewhere in the payload (in a field a reason may
     * quote), proves nothing and is skipped.
     */
    private static void assertNoRawId(String text, String payload) {
        Matcher m = PERSON_ID.matcher(payload);
        while (m.find()) {
            String id = m.group(1) != null ? m.group(1) : m.group(2);
            boolean telling = id.length() >= 6 && occurrences(payload, id) == 1;
            if (telling && text.contains(id)) {
                throw new AssertionError(
                        "\"" + text + "\" holds the raw personId " + id + " of " + payload);
            }
        }
    }

    private static int occurrences(String s, String part) {
        int n = 0;
        for (int at = s.indexOf(part); at >= 0; at = s.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    /** Texts of one stream, broken around the {@code personId} field of its valid records. */
    private record Broken(SourceStream stream, String payload) {}

    private static List<Broken> brokenTexts() {
        List<Broken> texts = new ArrayList<>();
        String breakers = "\",}x";
        for (ContractCorpus.Case c : ContractCorpus.valid()) {
            String p = c.payload();
            int at = p.indexOf("\"personId\"");
            if (at < 0) {
                continue;
            }
            int end = Math.min(p.length(), p.indexOf(',', at + 12) + 2);
            for (int i = Math.max(0, at - 2); i < end; i++) {
                texts.add(new Broken(c.stream(), p.substring(0, i) + p.substring(i + 1)));
                for (char b : breakers.toCharArray()) {
                    texts.add(new Broken(c.stream(), p.substring(0, i) + b + p.substring(i)));
                }
            }
        }
        return texts;
    }
}
