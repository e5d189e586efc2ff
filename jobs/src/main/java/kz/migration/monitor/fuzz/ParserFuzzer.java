package kz.migration.monitor.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.generator.GeneratorSettings;
import kz.migration.monitor.generator.TrafficGenerator;
import kz.migration.monitor.json.InputParser;
import kz.migration.monitor.json.Pseudonymiser;

/**
 * A seeded, structure-aware mutational fuzzer of the four input parsers. It starts from valid
 * records (generated traffic and the contract's examples, every kind with its optional fields),
 * mutates each input with {@link Mutator} and judges every parse with {@link ParseOracle}. Inputs
 * go to the streams in turn, so each gets a quarter; the same seed gives the same inputs.
 */
public final class ParserFuzzer {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Generated records kept per stream as seeds. */
    private static final int SEEDS_PER_STREAM = 400;

    /**
     * Valid records beyond what the generator writes: the contract's examples with every optional
     * field, so that mutations reach every field's checks.
     */
    private static final Map<SourceStream, List<String>> EXAMPLES =
            Map.of(
                    SourceStream.BORDER_CROSSINGS,
                    List.of(
                            "{\"eventId\":\"bc-1\",\"occurredAt\":\"2026-03-01T10:15:00Z\",\"personId\":\"N1234567\",\"citizenship\":\"UZB\",\"direction\":\"ENTRY\",\"checkpoint\":\"KZ-ZHIBEK-ZHOLY\",\"region\":\"KZ-61\",\"city\":\"Saryagash\",\"purpose\":\"WORK\",\"permitUntil\":\"2026-05-30\"}",
                            "{\"eventId\":\"bc-2\",\"occurredAt\":\"2026-03-01T15:15:00+05:00\",\"personId\":\"P7\",\"citizenship\":\"RUS\",\"direction\":\"EXIT\",\"checkpoint\":\"ALA\",\"region\":\"KZ-75\"}"),
                    SourceStream.REGISTRATIONS,
                    List.of(
                            "{\"eventId\":\"rg-1\",\"occurredAt\":\"2026-03-01T10:15:00Z\",\"personId\":\"870412300123\",\"citizenship\":\"UZB\",\"kind\":\"RESIDENCE_CHANGE\",\"region\":\"KZ-71\",\"previousRegion\":\"KZ-61\",\"city\":\"Astana\",\"previousCity\":\"Turkistan\",\"validUntil\":\"2027-03-01\",\"program\":\"RESETTLEMENT\"}",
                            "{\"eventId\":\"rg-2\",\"occurredAt\":\"2026-03-01T10:15:00Z\",\"personId\":\"870412300123\",\"citizenship\":\"IND\",\"kind\":\"TEMPORARY_RESIDENCE\",\"region\":\"KZ-75\",\"validUntil\":\"2026-09-01\",\"program\":\"KANDAS\"}",
                            "{\"eventId\":\"rg-3\",\"occurredAt\":\"2026-03-01T10:15:00Z\",\"personId\":\"8704\",\"citizenship\":\"KAZ\",\"kind\":\"DEREGISTRATION\",\"region\":\"KZ-79\"}"),
                    SourceStream.EMPLOYMENT,
                    List.of(
                            "{\"eventId\":\"em-1\",\"occurredAt\":\"2026-03-01T10:15:00Z\",\"personId\":\"N1234567\",\"citizenship\":\"UZB\",\"kind\":\"PERMIT_ISSUED\",\"region\":\"KZ-71\",\"city\":\"Astana\",\"permitId\":\"WP-1\",\"category\":\"CAT2\",\"permitUntil\":\"2027-02-28\",\"sector\":\"CONSTRUCTION\",\"employerId\":\"BIN-0001\"}",
                            "{\"eventId\":\"em-2\",\"occurredAt\":\"2026-03-01T10:15:00Z\",\"personId\":\"N1234567\",\"citizenship\":\"UZB\",\"kind\":\"PERMIT_REVOKED\",\"region\":\"KZ-71\",\"permitId\":\"WP-1\"}",
                            "{\"eventId\":\"em-3\",\"occurredAt\":\"2026-03-01T10:15:00Z\",\"personId\":\"N1234567\",\"citizenship\":\"CHN\",\"kind\":\"HIRED\",\"region\":\"KZ-23\",\"sector\":\"MINING\",\"employerId\":\"\"}"),
                    SourceStream.REFERENCE_DATA,
                    List.of(
                            "{\"eventId\":\"q-1\",\"occurredAt\":\"2026-01-01T00:00:00+05:00\",\"kind\":\"QUOTA\",\"year\":2026,\"region\":\"KZ-71\",\"category\":\"ALL\",\"limit\":1200}",
                            "{\"occurredAt\":\"2026-01-01T00:00:00+05:00\",\"kind\":\"INFLOW_THRESHOLD\",\"region\":\"KZ-75\",\"city\":\"Almaty\",\"netInflow7d\":2000}",
                            "{\"eventId\":\"b-1\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"kind\":\"ENTRY_BAN\",\"personId\":\"N1234567\",\"until\":\"2030-12-31\",\"citizenship\":\"UZB\"}",
                            "{\"occurredAt\":\"2026-01-01T00:00:00Z\",\"kind\":\"SHORTAGE\",\"year\":2026,\"region\":\"KZ-23\",\"sector\":\"MINING\",\"open\":true}"));

    private static final Pseudonymiser FUZZ_KEY = new Pseudonymiser("fuzz-inputs-are-made-up");

    private final Map<SourceStream, List<ObjectNode>> seeds = new EnumMap<>(SourceStream.class);
    private final Map<SourceStream, ParseOracle> oracles = new EnumMap<>(SourceStream.class);
    private final Map<SourceStream, Mutator> mutators = new EnumMap<>(SourceStream.class);

    public ParserFuzzer() {
        StreamSchemas schemas = new StreamSchemas();
        for (SourceStream s : SourceStream.values()) {
            seeds.put(s, new ArrayList<>());
            Map<String, FieldKind> fields = FieldKind.fieldsOf(s);
            mutators.put(s, new Mutator(fields));
            // The one place the parsers are made. The fuzzer's inputs are made up, so a fixed key
            // does; a parsed event carries its pseudonym where the record had `personId`.
            oracles.put(s, new ParseOracle(s, InputParser.of(s, FUZZ_KEY), fields, schemas));
            EXAMPLES.get(s).forEach(e -> seeds.get(s).add(object(e)));
        }
        collectGenerated();
    }

    /** A small month of generated traffic, every {@code n}-th record of a stream kept. */
    private void collectGenerated() {
        Map<SourceStream, List<String>> all = new EnumMap<>(SourceStream.class);
        for (SourceStream s : SourceStream.values()) {
            all.put(s, new ArrayList<>());
        }
        new TrafficGenerator(new GeneratorSettings(7, LocalDate.of(2026, 1, 1), 31, 60, 0, 0, 0, 0))
                .generate(
                        (stream, key, json, at) -> all.get(SourceStream.ofTopic(stream)).add(json));
        for (SourceStream s : SourceStream.values()) {
            List<String> records = all.get(s);
            int step = Math.max(1, records.size() / SEEDS_PER_STREAM);
            for (int i = 0; i < records.size(); i += step) {
                seeds.get(s).add(object(records.get(i)));
            }
        }
    }

    private static ObjectNode object(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return (ObjectNode) n;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("seed is not JSON: " + json, e);
        }
    }

    /** Valid records each stream's inputs start from. */
    public int seeds(SourceStream stream) {
        return seeds.get(stream).size();
    }

    /**
     * Runs {@code inputs} inputs, spread evenly over the four streams in turn.
     *
     * @param progress told the number of inputs done, every 10,000
     */
    public FuzzReport run(long inputs, long seed, java.util.function.LongConsumer progress) {
        FuzzReport report = new FuzzReport(seed);
        SourceStream[] streams = SourceStream.values();
        Map<SourceStream, SplittableRandom> randoms = new EnumMap<>(SourceStream.class);
        SplittableRandom root = new SplittableRandom(seed);
        for (SourceStream s : streams) {
            randoms.put(s, root.split());
        }
        long start = System.nanoTime();
        for (long i = 0; i < inputs; i++) {
            SourceStream s = streams[(int) (i % streams.length)];
            SplittableRandom r = randoms.get(s);
            List<ObjectNode> from = seeds.get(s);
            byte[] input = mutators.get(s).mutate(from.get(r.nextInt(from.size())), r);
            report.add(s, i, input, oracles.get(s).judge(input));
            if ((i + 1) % 10_000 == 0) {
                progress.accept(i + 1);
            }
        }
        report.elapsed(Duration.ofNanos(System.nanoTime() - start));
        return report;
    }
}
