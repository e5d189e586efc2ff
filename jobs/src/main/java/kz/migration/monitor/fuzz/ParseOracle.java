package kz.migration.monitor.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.migration.monitor.event.DeadLetter;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.json.InputParser;
import kz.migration.monitor.json.Parsed;
import kz.migration.monitor.json.RawPayload;

/**
 * Judges one parse of one input against the contract: the parser returns exactly one outcome and
 * never throws; a dead letter names a contract field of its stream (or a whole-record reason of
 * {@code payload}), carries the input unchanged (a prefix for an oversized one) and its stream; an
 * accepted record is valid by the stream's JSON Schema, as sent and as parsed; and the parser and
 * the schema agree, except for the rules that only the parser can check ({@link Disagreement}).
 */
final class ParseOracle {

    static final Instant RECEIVED_AT = Instant.parse("2026-03-05T12:00:00Z");

    /**
     * The reasons a dead letter may give for a record as a whole (field {@code payload}), as
     * documented in the README; the text after {@code "payload: "} starts with one of them.
     */
    static final List<String> WHOLE_RECORD_REASONS =
            List.of(
                    "not valid UTF-8",
                    "not valid JSON",
                    "not a JSON object",
                    "record exceeds " + RawPayload.MAX_RECORD_BYTES + " bytes",
                    "nesting deeper than " + InputParser.MAX_NESTING_DEPTH,
                    "beyond the parser's limits");

    /** Why the schema may admit a record that the parser rightly rejects. */
    enum Disagreement {
        DATE_BEFORE_OCCURRED_AT("is before the local date of occurredAt"),
        DUPLICATE_KEY("Duplicate field"),
        INTEGER_NOT_AN_INTEGER_LITERAL("is not a JSON integer"),
        SIZE_BOUND("record exceeds"),
        DEPTH_BOUND("nesting deeper than");

        final String marker;

        Disagreement(String marker) {
            this.marker = marker;
        }

        static Disagreement of(String reason) {
            for (Disagreement d : values()) {
                if (reason.contains(d.marker)) {
                    return d;
                }
            }
            return null;
        }
    }

    /** What one input came to. */
    record Verdict(
            boolean crashed,
            boolean accepted,
            boolean deadLetterWellFormed,
            boolean acceptedValidBySchema,
            boolean schemaAdmitsInput,
            Disagreement explained,
            String field,
            String problem) {

        /** A disagreement between parser and schema that no parser-only rule explains. */
        boolean unexplainedDisagreement() {
            return !crashed && accepted != schemaAdmitsInput && explained == null;
        }

        boolean finding() {
            return crashed
                    || unexplainedDisagreement()
                    || (accepted ? !acceptedValidBySchema : !deadLetterWellFormed);
        }
    }

    private final SourceStream stream;
    private final InputParser<? extends InputEvent> parser;
    private final Set<String> fields;
    private final StreamSchemas schemas;

    ParseOracle(
            SourceStream stream,
            InputParser<? extends InputEvent> parser,
            Map<String, FieldKind> fields,
            StreamSchemas schemas) {
        this.stream = stream;
        this.parser = parser;
        this.fields = fields.keySet();
        this.schemas = schemas;
    }

    Verdict judge(byte[] input) {
        Parsed<? extends InputEvent> parsed;
        try {
            parsed = parser.parse(RawPayload.of(input), RECEIVED_AT);
        } catch (Throwable t) { // NOPMD: anything the parser throws is the finding
            return new Verdict(true, false, false, false, false, null, null, "threw " + t);
        }
        if (parsed == null || (parsed.event() == null) == (parsed.deadLetter() == null)) {
            return new Verdict(
                    true, false, false, false, false, null, null, "not exactly one outcome");
        }
        boolean admits = schemas.admits(stream, input);
        if (parsed.event() != null) {
            InputEvent e = parsed.event();
            boolean rendered;
            String problem = null;
            try {
                rendered = e.stream() == stream && schemas.admits(stream, EventJson.render(e));
                if (!rendered) {
                    problem =
                            "parsed event invalid by schema: "
                                    + schemas.errors(stream, EventJson.render(e));
                }
            } catch (RuntimeException ex) {
                rendered = false;
                problem = "parsed event not renderable: " + ex;
            }
            if (rendered && !admits) {
                problem = "parser accepts what the schema rejects";
            }
            return new Verdict(false, true, false, rendered && admits, admits, null, null, problem);
        }
        DeadLetter d = parsed.deadLetter();
        String letterProblem = deadLetterProblem(d, input);
        Disagreement explained = admits ? Disagreement.of(d.reason()) : null;
        String problem =
                letterProblem != null
                        ? letterProblem
                        : admits && explained == null
                                ? "parser rejects what the schema admits: " + d.reason()
                                : null;
        return new Verdict(
                false, false, letterProblem == null, false, admits, explained, d.field(), problem);
    }

    private String deadLetterProblem(DeadLetter d, byte[] input) {
        if (!stream.topic().equals(d.source())) {
            return "dead letter source " + d.source();
        }
        if (!RECEIVED_AT.equals(d.receivedAt())) {
            return "dead letter receivedAt " + d.receivedAt();
        }
        String field = d.field();
        if (field == null || d.reason() == null || !d.reason().startsWith(field + ": ")) {
            return "reason does not start with its field: " + d.reason();
        }
        String rest = d.reason().substring(field.length() + 2);
        if (field.equals("payload")) {
            if (WHOLE_RECORD_REASONS.stream().noneMatch(rest::startsWith)) {
                return "undocumented whole-record reason: " + d.reason();
            }
        } else if (!fields.contains(field)) {
            return "reason names no contract field: " + d.reason();
        }
        String sent = new String(input, StandardCharsets.UTF_8);
        if (input.length > RawPayload.MAX_RECORD_BYTES) {
            // a prefix of the input cut at most three bytes short of the bound, on a character
            boolean prefix = false;
            for (int cut = RawPayload.MAX_RECORD_BYTES;
                    cut >= RawPayload.MAX_RECORD_BYTES - 3 && !prefix;
                    cut--) {
                prefix = new String(input, 0, cut, StandardCharsets.UTF_8).equals(d.payload());
            }
            if (!prefix) {
                return "oversized record's payload is not its prefix of the bound";
            }
        } else if (!sent.equals(d.payload())) {
            return "dead letter payload differs from the input";
        }
        return null;
    }
}
