package kz.migration.monitor.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import kz.migration.monitor.event.DeadLetter;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.SourceStream;
import org.junit.jupiter.api.Test;

/**
 * The parsers must never throw, whatever arrives: a seeded stream of mutated corpus records (broken
 * text, fields removed or given values of any JSON type) each yields exactly one event or one
 * well-formed dead letter. The seed makes a failure reproducible.
 */
class ParserRobustnessTest {

    private static final long SEED = 20260301L;
    private static final int ROUNDS = 6_000;
    private static final Instant RECEIVED_AT = Instant.parse("2026-03-05T12:00:00Z");
    private static final Pseudonymiser PSEUDONYMISER = new Pseudonymiser("test-key");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Characters that tend to break JSON, dates and codes, plus some beyond ASCII. */
    private static final String NASTY =
            "{}[]\",:\\ 0123456789-+.eEZTtz\n\t\u0000\u00e9\u0416\ud83d\ude02\ud800nul";

    @Test
    void mutatedRecordsNeverThrow() {
        Random random = new Random(SEED);
        List<ContractCorpus.Case> corpus = ContractCorpus.all();
        Map<SourceStream, JsonSchema> schemas = new EnumMap<>(SourceStream.class);
        int events = 0;
        int deadLetters = 0;
        for (int i = 0; i < ROUNDS; i++) {
            ContractCorpus.Case base = corpus.get(random.nextInt(corpus.size()));
            boolean structural = random.nextBoolean();
            String payload =
                    structural
                            ? mutateTree(base.payload(), random)
                            : mutateText(base.payload(), random);

            Parsed<? extends InputEvent> parsed = parseOrFail(base.stream(), payload, i);

            assertThat(parsed.event() == null)
                    .as("exactly one outcome, round %d", i)
                    .isNotEqualTo(parsed.deadLetter() == null);
            if (parsed.isValid()) {
                events++;
                // Whatever the parser admits the producers' schema admits too: the schema is
                // never stricter than the monitor.
                JsonSchema schema = schemas.computeIfAbsent(base.stream(), ContractCorpus::schema);
                assertThat(ContractCorpus.schemaErrors(schema, payload))
                        .as("schema on a parsed record, round %d: %s", i, payload)
                        .hasValueSatisfying(errors -> assertThat(errors).isEmpty());
            } else {
                deadLetters++;
                DeadLetter d = parsed.deadLetter();
                assertThat(d.reason()).startsWith(d.field() + ": ");
                assertThat(d.payload()).isSameAs(payload);
                assertThat(d.source()).isEqualTo(base.stream().topic());
                assertThat(d.receivedAt()).isEqualTo(RECEIVED_AT);
            }
        }
        // The mutations must exercise both outcomes, or the test proves little.
        assertThat(events).isGreaterThan(ROUNDS / 20);
        assertThat(deadLetters).isGreaterThan(ROUNDS / 2);
    }

    @Test
    void pathologicalPayloadsNeverThrow() {
        List<String> payloads = new ArrayList<>();
        payloads.add(null);
        payloads.add("[".repeat(100_000));
        payloads.add("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000));
        payloads.add("{\"year\": 1" + "0".repeat(5_000) + "}");
        payloads.add("{\"eventId\": \"" + "x".repeat(1_000_000) + "\"}");
        payloads.add("\ufeff{}");
        payloads.add("{\"occurredAt\": \"\ud800\"}");
        for (SourceStream s : SourceStream.values()) {
            for (String p : payloads) {
                Parsed<? extends InputEvent> parsed = parseOrFail(s, p, -1);
                assertThat(parsed.isValid()).isFalse();
                if (p == null || p.length() <= RawPayload.MAX_RECORD_BYTES) {
                    assertThat(parsed.deadLetter().payload()).isSameAs(p);
                } else {
                    // over the size bound: a prefix is kept (RecordBoundsTest)
                    assertThat(p).startsWith(parsed.deadLetter().payload());
                }
            }
        }
    }

    private static Parsed<? extends InputEvent> parseOrFail(
            SourceStream stream, String payload, int round) {
        try {
            return InputParser.of(stream, PSEUDONYMISER).parse(payload, RECEIVED_AT);
        } catch (RuntimeException | Error e) {
            throw new AssertionError("parser threw in round " + round + " on " + payload, e);
        }
    }

    private static String mutateText(String s, Random r) {
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits && b.length() > 0; e++) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(5)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, NASTY.charAt(r.nextInt(NASTY.length())));
                case 2 -> b.setCharAt(at, NASTY.charAt(r.nextInt(NASTY.length())));
                case 3 -> b.setLength(at);
                default -> {
                    int to = Math.min(b.length(), at + 1 + r.nextInt(12));
                    b.insert(at, b.substring(at, to));
                }
            }
        }
        return b.toString();
    }

    private static String mutateTree(String s, Random r) {
        JsonNode node;
        try {
            node = MAPPER.readTree(s);
        } catch (Exception e) {
            return mutateText(s, r);
        }
        if (!(node instanceof ObjectNode object) || object.isEmpty()) {
            return mutateText(s, r);
        }
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        String name = names.get(r.nextInt(names.size()));
        switch (r.nextInt(3)) {
            case 0 -> object.remove(name);
            case 1 -> object.set(name, randomValue(r, 2));
            default -> object.set("extra" + r.nextInt(3), randomValue(r, 2));
        }
        return object.toString();
    }

    private static JsonNode randomValue(Random r, int depth) {
        return switch (r.nextInt(depth > 0 ? 12 : 10)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(r.nextBoolean());
            case 2 -> NODES.numberNode(r.nextInt(5) - 2);
            case 3 -> NODES.numberNode(r.nextLong());
            case 4 -> NODES.numberNode(new BigInteger(100, r));
            case 5 -> NODES.numberNode(r.nextDouble() * 4000 - 2000);
            case 6 -> NODES.textNode("");
            case 7 -> NODES.textNode(mutateText("2026-03-01T10:15:00+05:00", r));
            case 8 ->
                    NODES.textNode(
                            new String[] {
                                        "KZ-71", "kz-71", "ALL", "CAT1", "KAZ", "  ", "ENTRY",
                                        "QUOTA"
                                    }
                                    [r.nextInt(8)]);
            case 9 -> NODES.textNode(mutateText("2026-06-01", r));
            case 10 -> NODES.arrayNode().add(randomValue(r, depth - 1));
            default -> NODES.objectNode().set("k", randomValue(r, depth - 1));
        };
    }
}
