package kz.migration.monitor.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.time.Instant;
import java.util.regex.Pattern;
import kz.migration.monitor.event.DeadLetter;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.SourceStream;

/**
 * Parses and validates the raw JSON records of one input stream against the contract ({@code
 * shared/spec/events.md}): a valid record becomes a typed event, anything else a dead letter whose
 * reason names the offending field. Parsing never throws.
 */
public abstract class InputParser<T extends InputEvent> implements Serializable {

    private static final long serialVersionUID = 2L;

    /**
     * Deepest nesting of objects and arrays accepted, the record's own object counting as 1: the
     * contract's records are flat, so anything deeper is hostile and is refused while Jackson reads
     * it, before it is built in memory.
     */
    public static final int MAX_NESTING_DEPTH = 16;

    static final ObjectMapper MAPPER =
            JsonMapper.builder(
                            JsonFactory.builder()
                                    .streamReadConstraints(
                                            StreamReadConstraints.builder()
                                                    .maxNestingDepth(MAX_NESTING_DEPTH)
                                                    .build())
                                    .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build();

    /**
     * Reads records as trees with the mapper's settings: the mapper's own {@code readTree} resolves
     * the tree's type anew on every call, a twentieth of a replay source's samples.
     */
    private static final ObjectReader TREE_READER = MAPPER.readerFor(JsonNode.class);

    private final Pseudonymiser pseudonymiser;

    /** Each parser keeps its own copy: the copy's cached {@code Mac} is not thread-safe. */
    InputParser(Pseudonymiser pseudonymiser) {
        this.pseudonymiser = pseudonymiser.copy();
    }

    private static final Pattern QUOTED_TOKEN = Pattern.compile("'(?!(?:null|true|false)')[^']*'");

    /** The stream this parser reads. */
    public abstract SourceStream stream();

    /** Reads the stream's own fields; the common ones are read by {@link #parse}. */
    abstract T read(Common common, RecordFields fields) throws InvalidFieldException;

    /**
     * Whether the stream's records carry {@code eventId}, {@code personId} and {@code citizenship}.
     */
    boolean personal() {
        return true;
    }

    /**
     * The parser of a stream. Its events carry the {@code subjectRef} of the record's {@code
     * personId}, never the raw identifier.
     */
    public static InputParser<? extends InputEvent> of(
            SourceStream stream, Pseudonymiser pseudonymiser) {
        return switch (stream) {
            case BORDER_CROSSINGS -> new BorderCrossingParser(pseudonymiser);
            case REGISTRATIONS -> new RegistrationParser(pseudonymiser);
            case EMPLOYMENT -> new EmploymentParser(pseudonymiser);
            case REFERENCE_DATA -> new ReferenceDataParser(pseudonymiser);
        };
    }

    /**
     * The {@code subjectRef} of a required {@code personId}: the raw value is validated (1..64
     * characters) and hashed here, and goes no further than this call.
     */
    final String requireSubjectRef(RecordFields fields) throws InvalidFieldException {
        return pseudonymiser.subjectRef(fields.requireString("personId", 64));
    }

    /**
     * Parses one raw record.
     *
     * @param receivedAt stamped on a dead letter
     */
    public final Parsed<T> parse(String payload, Instant receivedAt) {
        return parse(RawPayload.of(payload), receivedAt);
    }

    /**
     * Parses one raw record whose size (and, from bytes, UTF-8) was checked first; a record that
     * fails that check is a dead letter naming {@code payload} and is never parsed.
     *
     * @param receivedAt stamped on a dead letter
     */
    public final Parsed<T> parse(RawPayload raw, Instant receivedAt) {
        String payload = raw.text();
        try {
            if (raw.problem() != null) {
                throw new InvalidFieldException("payload", raw.problem());
            }
            JsonNode node;
            try {
                node = payload == null ? null : TREE_READER.readTree(payload);
            } catch (StreamConstraintsException e) {
                throw new InvalidFieldException(
                        "payload",
                        e.getMessage().contains("nesting depth")
                                ? "nesting deeper than " + MAX_NESTING_DEPTH
                                : "beyond the parser's limits: "
                                        + firstLine(e.getOriginalMessage()));
            } catch (JsonProcessingException e) {
                throw new InvalidFieldException(
                        "payload",
                        "not valid JSON: " + redacted(firstLine(e.getOriginalMessage())));
            }
            if (!(node instanceof ObjectNode object)) {
                throw new InvalidFieldException("payload", "not a JSON object");
            }
            RecordFields fields = new RecordFields(object);
            Common common =
                    personal()
                            ? new Common(
                                    fields.requireString("eventId", 64),
                                    fields.requireInstant("occurredAt"),
                                    requireSubjectRef(fields),
                                    fields.requireCitizenship("citizenship"))
                            : new Common(
                                    fields.optionalString("eventId", 64),
                                    fields.requireInstant("occurredAt"),
                                    null,
                                    null);
            return Parsed.valid(read(common, fields));
        } catch (InvalidFieldException e) {
            return Parsed.rejected(
                    new DeadLetter(
                            stream().topic(), e.field(), e.getMessage(), payload, receivedAt));
        }
    }

    /**
     * Jackson quotes the offending token ({@code Unrecognized token 'N1234567'}), which may be a
     * {@code personId}: reasons reach logs and the dead-letter metric, so the token is dropped (not
     * the JSON literals Jackson names).
     */
    private static String redacted(String message) {
        return QUOTED_TOKEN.matcher(message).replaceAll("'…'");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The fields every record of a stream has; {@code subjectRef} is the pseudonym. */
    record Common(String eventId, Instant occurredAt, String subjectRef, String citizenship) {}
}
