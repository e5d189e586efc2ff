package kz.migration.monitor.benchmarks;

import java.util.concurrent.TimeUnit;
import kz.migration.monitor.json.Pseudonymiser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code subjectRef}: the HMAC-SHA256 of a {@code personId} as lowercase hex, once per event and
 * per alert. Identifiers rotate through a thousand distinct ones, as a stream of many people's
 * events does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PseudonymiserBenchmark {

    private static final int IDS = 1024;

    private final String[] personIds = new String[IDS];
    private Pseudonymiser pseudonymiser;
    private int next;

    @Setup
    public void setUp() {
        pseudonymiser = new Pseudonymiser("benchmark-key-of-32-bytes-length");
        for (int i = 0; i < IDS; i++) {
            personIds[i] = String.format("P%09d", 625_873_401L + 7_919L * i);
        }
    }

    @Benchmark
    public String subjectRef() {
        next = (next + 1) & (IDS - 1);
        return pseudonymiser.subjectRef(personIds[next]);
    }
}
