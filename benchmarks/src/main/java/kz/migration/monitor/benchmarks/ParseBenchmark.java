package kz.migration.monitor.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.json.InputParser;
import kz.migration.monitor.json.Parsed;
import kz.migration.monitor.json.Pseudonymiser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing one raw record of each stream into its typed event, validation included, beside the
 * Jackson tree alone that the parser starts from: the difference is the contract's checks.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ParseBenchmark {

    @Param({"BORDER_CROSSINGS", "REGISTRATIONS", "EMPLOYMENT", "REFERENCE_DATA"})
    public SourceStream stream;

    private final ObjectMapper mapper = new ObjectMapper();
    private final Instant receivedAt = Instant.parse("2026-01-02T00:00:00Z");
    private InputParser<? extends InputEvent> parser;
    private String line;

    @Setup
    public void setUp() {
        parser = InputParser.of(stream, new Pseudonymiser("benchmark-key-of-32-bytes-length"));
        line = SampleLines.of(stream);
    }

    @Benchmark
    public Parsed<? extends InputEvent> parse() {
        return parser.parse(line, receivedAt);
    }

    @Benchmark
    public JsonNode jacksonTree() throws JsonProcessingException {
        return mapper.readTree(line);
    }
}
