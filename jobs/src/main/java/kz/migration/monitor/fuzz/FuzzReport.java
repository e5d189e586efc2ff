package kz.migration.monitor.fuzz;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import kz.migration.monitor.event.SourceStream;

/** The outcome of a fuzzing run: counts per stream, and the first findings with their inputs. */
public final class FuzzReport {

    /** Findings kept with their inputs; the counts cover all of them. */
    static final int KEPT_FINDINGS = 20;

    /** The counts of one stream. */
    public static final class StreamCounts {
        long inputs;
        long crashes;
        long accepted;
        long acceptedValidBySchema;
        long rejected;
        long rejectedWithOneDeadLetterNamingAField;
        long schemaAgrees;
        long unexplainedDisagreements;
        final Map<ParseOracle.Disagreement, Long> explained =
                new EnumMap<>(ParseOracle.Disagreement.class);
        final Map<String, Long> deadLettersByField = new TreeMap<>();

        public long inputs() {
            return inputs;
        }

        public long crashes() {
            return crashes;
        }

        public long accepted() {
            return accepted;
        }

        public long acceptedValidBySchema() {
            return acceptedValidBySchema;
        }

        public long rejected() {
            return rejected;
        }

        public long rejectedWithOneDeadLetterNamingAField() {
            return rejectedWithOneDeadLetterNamingAField;
        }

        public long unexplainedDisagreements() {
            return unexplainedDisagreements;
        }

        /** Parser rejections the schema admits for a rule only the parser can check. */
        public long explainedDisagreements() {
            return explained.values().stream().mapToLong(Long::longValue).sum();
        }

        public Map<String, Long> deadLettersByField() {
            return deadLettersByField;
        }
    }

    /** A failed check, with what it takes to replay it. */
    public record Finding(String stream, long input, String problem, String payload) {}

    private final long seed;
    private final Map<SourceStream, StreamCounts> counts = new EnumMap<>(SourceStream.class);
    private final List<Finding> findings = new ArrayList<>();
    private long findingCount;
    private Duration elapsed = Duration.ZERO;

    FuzzReport(long seed) {
        this.seed = seed;
        for (SourceStream s : SourceStream.values()) {
            counts.put(s, new StreamCounts());
        }
    }

    void add(SourceStream stream, long input, byte[] payload, ParseOracle.Verdict v) {
        StreamCounts c = counts.get(stream);
        c.inputs++;
        if (v.crashed()) {
            c.crashes++;
        } else if (v.accepted()) {
            c.accepted++;
            if (v.acceptedValidBySchema()) {
                c.acceptedValidBySchema++;
            }
        } else {
            c.rejected++;
            if (v.deadLetterWellFormed()) {
                c.rejectedWithOneDeadLetterNamingAField++;
            }
            c.deadLettersByField.merge(String.valueOf(v.field()), 1L, Long::sum);
        }
        if (!v.crashed()) {
            if (v.accepted() == v.schemaAdmitsInput()) {
                c.schemaAgrees++;
            } else if (v.explained() != null) {
                c.explained.merge(v.explained(), 1L, Long::sum);
            } else {
                c.unexplainedDisagreements++;
            }
        }
        if (v.finding()) {
            findingCount++;
            if (findings.size() < KEPT_FINDINGS) {
                String text = new String(payload, StandardCharsets.UTF_8);
                findings.add(
                        new Finding(
                                stream.topic(),
                                input,
                                v.problem(),
                                text.length() > 600 ? text.substring(0, 600) + "…" : text));
            }
        }
    }

    void elapsed(Duration d) {
        this.elapsed = d;
    }

    public StreamCounts counts(SourceStream stream) {
        return counts.get(stream);
    }

    public long inputs() {
        return counts.values().stream().mapToLong(c -> c.inputs).sum();
    }

    /** Inputs that failed a check: crashes, malformed dead letters, invalid accepted records. */
    public long findings() {
        return findingCount;
    }

    public List<Finding> keptFindings() {
        return findings;
    }

    public Duration elapsed() {
        return elapsed;
    }

    /** The report as a person reads it. */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(
                String.format(
                        Locale.ROOT,
                        "fuzz: %,d inputs, seed %d, %.1f s (%,.0f inputs/s)%n",
                        inputs(),
                        seed,
                        elapsed.toMillis() / 1000.0,
                        inputs() / Math.max(0.001, elapsed.toMillis() / 1000.0)));
        b.append(
                String.format(
                        Locale.ROOT,
                        "%-16s %9s %7s %9s %9s %9s %9s %9s %9s %9s%n",
                        "stream",
                        "inputs",
                        "crashes",
                        "rejected",
                        "1-DL+fld",
                        "accepted",
                        "acc-valid",
                        "agree",
                        "explained",
                        "disagree"));
        for (SourceStream s : SourceStream.values()) {
            StreamCounts c = counts.get(s);
            b.append(
                    String.format(
                            Locale.ROOT,
                            "%-16s %9d %7d %9d %9d %9d %9d %9d %9d %9d%n",
                            s.topic(),
                            c.inputs,
                            c.crashes,
                            c.rejected,
                            c.rejectedWithOneDeadLetterNamingAField,
                            c.accepted,
                            c.acceptedValidBySchema,
                            c.schemaAgrees,
                            c.explainedDisagreements(),
                            c.unexplainedDisagreements));
        }
        b.append("columns: 1-DL+fld = rejected as exactly one dead letter naming a field, with")
                .append(" the payload unchanged and the right source; acc-valid = accepted and")
                .append(" valid by the stream's JSON Schema, as sent and as parsed; agree = parser")
                .append(" and schema give the same verdict; explained = the schema admits a")
                .append(" record only because it cannot state a parser rule (below); disagree =")
                .append(" any other difference (a finding)")
                .append(System.lineSeparator());
        for (SourceStream s : SourceStream.values()) {
            StreamCounts c = counts.get(s);
            b.append("  ").append(s.topic()).append(" explained: ").append(c.explained);
            b.append("; dead letters by field: ").append(c.deadLettersByField);
            b.append(System.lineSeparator());
        }
        b.append("findings: ").append(findingCount).append(System.lineSeparator());
        for (Finding f : findings) {
            b.append("  ")
                    .append(f.stream())
                    .append(" #")
                    .append(f.input())
                    .append(": ")
                    .append(f.problem())
                    .append(System.lineSeparator())
                    .append("    ")
                    .append(f.payload())
                    .append(System.lineSeparator());
        }
        return b.toString();
    }

    /** The report as JSON, for a file. */
    public String json() {
        JsonNodeFactory n = JsonNodeFactory.instance;
        ObjectNode o = n.objectNode();
        o.put("inputs", inputs());
        o.put("seed", seed);
        o.put("seconds", elapsed.toMillis() / 1000.0);
        o.put("findings", findingCount);
        ObjectNode streams = o.putObject("streams");
        for (SourceStream s : SourceStream.values()) {
            StreamCounts c = counts.get(s);
            ObjectNode j = streams.putObject(s.topic());
            j.put("inputs", c.inputs);
            j.put("crashes", c.crashes);
            j.put("rejected", c.rejected);
            j.put("rejectedWithOneDeadLetterNamingAField", c.rejectedWithOneDeadLetterNamingAField);
            j.put("accepted", c.accepted);
            j.put("acceptedValidBySchema", c.acceptedValidBySchema);
            j.put("schemaAgrees", c.schemaAgrees);
            ObjectNode ex = j.putObject("explainedDisagreements");
            c.explained.forEach((k, v) -> ex.put(k.name(), v));
            j.put("unexplainedDisagreements", c.unexplainedDisagreements);
            ObjectNode byField = j.putObject("deadLettersByField");
            c.deadLettersByField.forEach(byField::put);
        }
        ArrayNode kept = o.putArray("keptFindings");
        for (Finding f : findings) {
            ObjectNode j = kept.addObject();
            j.put("stream", f.stream());
            j.put("input", f.input());
            j.put("problem", f.problem());
            j.put("payload", f.payload());
        }
        return o.toPrettyString();
    }
}
