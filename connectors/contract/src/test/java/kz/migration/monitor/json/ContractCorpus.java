package kz.migration.monitor.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.migration.monitor.event.SourceStream;

/**
 * The contract corpus under {@code corpus/<stream>/valid.jsonl} and {@code invalid.jsonl}, and the
 * producers' JSON Schemas under {@code schemas/}. A corpus line names its case and holds either
 * {@code record} (a JSON object, sent as its compact serialisation) or {@code raw} (the exact text
 * sent, for payloads that are not one JSON object); invalid lines also name the {@code field} the
 * dead letter must blame.
 */
final class ContractCorpus {

    /** One record of the corpus as a producer would send it. */
    record Case(SourceStream stream, String name, boolean valid, String field, String payload) {
        @Override
        public String toString() {
            return stream.topic() + ": " + name;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * Reads a payload the way a schema-validating producer would: one JSON text, nothing after it.
     * Duplicate keys are deliberately not detected here (a schema only ever sees the parsed
     * object), which is why the parser's duplicate-key rejection is not a schema rule.
     */
    private static final ObjectMapper SCHEMA_READER =
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private static final JsonSchemaFactory SCHEMAS =
            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private ContractCorpus() {}

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        for (SourceStream s : SourceStream.values()) {
            cases.addAll(read(s, true));
            cases.addAll(read(s, false));
        }
        return cases;
    }

    static List<Case> valid() {
        return all().stream().filter(Case::valid).toList();
    }

    static List<Case> invalid() {
        return all().stream().filter(c -> !c.valid()).toList();
    }

    private static List<Case> read(SourceStream stream, boolean valid) {
        String resource =
                "/corpus/" + stream.topic() + "/" + (valid ? "valid" : "invalid") + ".jsonl";
        List<Case> cases = new ArrayList<>();
        try (InputStream in = ContractCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing corpus file " + resource);
            }
            BufferedReader lines =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode entry = MAPPER.readTree(line);
                String payload =
                        entry.has("raw")
                                ? entry.get("raw").textValue()
                                : MAPPER.writeValueAsString(entry.get("record"));
                String field = entry.has("field") ? entry.get("field").textValue() : null;
                cases.add(new Case(stream, entry.get("case").textValue(), valid, field, payload));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    /** The producers' schema of a stream. */
    static JsonSchema schema(SourceStream stream) {
        return SCHEMAS.getSchema(
                ContractCorpus.class.getResourceAsStream(
                        "/schemas/" + stream.topic() + ".schema.json"));
    }

    /**
     * The schema's findings on a payload, or empty when the payload is not one JSON text at all: no
     * schema applies to it, and a producer's JSON library already refuses to emit it.
     */
    static Optional<Set<ValidationMessage>> schemaErrors(JsonSchema schema, String payload) {
        JsonNode node;
        try {
            node = SCHEMA_READER.readTree(payload);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (node == null || node.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(schema.validate(node));
    }
}
