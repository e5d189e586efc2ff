package kz.migration.monitor.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kz.migration.monitor.event.DeadLetter;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.SourceStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Holds the parsers and the producers' JSON Schemas to the contract corpus: valid records become
 * events and pass their schema; invalid ones become dead letters that blame the right field, and
 * the schema rejects them too, except for the few rules a schema cannot state ({@link
 * #SCHEMA_CANNOT_EXPRESS}).
 */
class ContractCorpusTest {

    private static final Instant RECEIVED_AT = Instant.parse("2026-03-05T12:00:00Z");
    private static final Pseudonymiser PSEUDONYMISER = new Pseudonymiser("test-key");

    private static final Map<SourceStream, JsonSchema> SCHEMAS = new EnumMap<>(SourceStream.class);

    static {
        for (SourceStream s : SourceStream.values()) {
            SCHEMAS.put(s, ContractCorpus.schema(s));
        }
    }

    /**
     * Invalid records the schemas accept, by {@code stream: case}. A schema sees one parsed object,
     * so it can neither compare a date with the local date of {@code occurredAt} nor see a key
     * given twice; and draft 2020-12 counts {@code 2026.0} as an integer, while the contract wants
     * a JSON integer literal. Each schema's description states the date rule.
     */
    static final Set<String> SCHEMA_CANNOT_EXPRESS =
            Set.of(
                    "border-crossings: permitUntil before the local date (UTC evening)",
                    "border-crossings: permitUntil before the local date",
                    "border-crossings: permitUntil before the local date (+05:00)",
                    "border-crossings: duplicate key",
                    "registrations: validUntil before the local date (UTC evening)",
                    "registrations: validUntil before the local date",
                    "registrations: validUntil before the local date (+05:00)",
                    "registrations: validUntil before the local date on DEREGISTRATION",
                    "registrations: duplicate key",
                    "employment: permitUntil before the local date (UTC evening)",
                    "employment: permitUntil before the local date",
                    "employment: permitUntil before the local date (+05:00)",
                    "employment: duplicate key",
                    "reference-data: QUOTA year with a zero fraction",
                    "reference-data: duplicate key");

    static List<ContractCorpus.Case> valid() {
        return ContractCorpus.valid();
    }

    static List<ContractCorpus.Case> invalid() {
        return ContractCorpus.invalid();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validRecordParsesToAnEvent(ContractCorpus.Case c) {
        Parsed<? extends InputEvent> parsed =
                InputParser.of(c.stream(), PSEUDONYMISER).parse(c.payload(), RECEIVED_AT);

        assertThat(parsed.deadLetter()).as("dead letter of %s", c).isNull();
        assertThat(parsed.event()).isNotNull();
        assertThat(parsed.event().stream()).isEqualTo(c.stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validRecordPassesItsSchema(ContractCorpus.Case c) {
        Optional<Set<ValidationMessage>> errors =
                ContractCorpus.schemaErrors(SCHEMAS.get(c.stream()), c.payload());

        assertThat(errors).as("%s is one JSON text", c).isPresent();
        assertThat(errors.get()).as("schema findings on %s", c).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidRecordBecomesADeadLetterNamingItsField(ContractCorpus.Case c) {
        Parsed<? extends InputEvent> parsed =
                InputParser.of(c.stream(), PSEUDONYMISER).parse(c.payload(), RECEIVED_AT);

        assertThat(parsed.event()).as("event of %s", c).isNull();
        DeadLetter d = parsed.deadLetter();
        assertThat(d).isNotNull();
        assertThat(d.field()).isEqualTo(c.field());
        assertThat(d.reason()).startsWith(c.field() + ": ");
        assertThat(d.payload()).isEqualTo(c.payload());
        assertThat(d.source()).isEqualTo(c.stream().topic());
        assertThat(d.receivedAt()).isEqualTo(RECEIVED_AT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidRecordIsRejectedByItsSchemaWhereASchemaCanSayIt(ContractCorpus.Case c) {
        Optional<Set<ValidationMessage>> errors =
                ContractCorpus.schemaErrors(SCHEMAS.get(c.stream()), c.payload());
        boolean schemaRejects = errors.isEmpty() || !errors.get().isEmpty();

        // Both directions: a listed case that the schema starts to reject belongs off the list.
        assertThat(schemaRejects)
                .as("schema rejects %s (findings: %s)", c, errors)
                .isEqualTo(!SCHEMA_CANNOT_EXPRESS.contains(c.toString()));
    }

    @Test
    void everyListedExceptionIsACorpusCase() {
        Set<String> names =
                ContractCorpus.invalid().stream().map(Object::toString).collect(Collectors.toSet());

        assertThat(names).containsAll(SCHEMA_CANNOT_EXPRESS);
    }

    @Test
    void corpusCoversEveryStreamBothWays() {
        for (SourceStream s : SourceStream.values()) {
            assertThat(ContractCorpus.valid()).as("valid %s", s).anyMatch(c -> c.stream() == s);
            assertThat(ContractCorpus.invalid()).as("invalid %s", s).anyMatch(c -> c.stream() == s);
        }
    }
}
