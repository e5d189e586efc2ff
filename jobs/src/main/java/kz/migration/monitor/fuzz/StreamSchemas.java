package kz.migration.monitor.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import kz.migration.monitor.event.SourceStream;

/**
 * The producers' JSON Schemas of the input streams ({@code schemas/<stream>.schema.json} in the
 * contract module), applied the way a schema-validating producer would: the bytes must be UTF-8 and
 * one JSON text; duplicate keys are not seen (a schema only ever sees the parsed object), and no
 * size or depth bound applies beyond the JSON library's own.
 */
final class StreamSchemas {

    private static final ObjectMapper READER =
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final Map<SourceStream, JsonSchema> schemas = new EnumMap<>(SourceStream.class);

    StreamSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        for (SourceStream s : SourceStream.values()) {
            String resource = "/schemas/" + s.topic() + ".schema.json";
            try (InputStream in = StreamSchemas.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing schema " + resource);
                }
                schemas.put(s, factory.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Whether the schema admits the raw bytes as a record of the stream. */
    boolean admits(SourceStream stream, byte[] bytes) {
        String text;
        try {
            text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes))
                            .toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        JsonNode node;
        try {
            node = READER.readTree(text);
        } catch (JsonProcessingException e) {
            return false;
        }
        return node != null && !node.isMissingNode() && admits(stream, node);
    }

    boolean admits(SourceStream stream, JsonNode node) {
        return errors(stream, node).isEmpty();
    }

    Set<ValidationMessage> errors(SourceStream stream, JsonNode node) {
        return schemas.get(stream).validate(node);
    }
}
