package kz.migration.monitor.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import kz.migration.monitor.bench.StreamingBench;
import kz.migration.monitor.generator.GeneratorSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench streaming}: the streaming job's throughput beside a bare Kafka consumer's. */
@Command(
        name = "streaming",
        mixinStandardHelpOptions = true,
        description = {
            "Starts a Kafka broker as its own process, fills the input topics with generated"
                    + " traffic, reads them with one bare KafkaConsumer, then runs the job on them"
                    + " (run --bounded --from-earliest, exactly once) in a JVM of its own; reports"
                    + " records/s of both and the ratio."
        })
final class StreamingBenchCommand implements Callable<Integer> {

    @Option(
            names = "--days",
            defaultValue = "30",
            description = "Simulated days (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(
            names = "--scale",
            defaultValue = "20000",
            description = "Border events per day (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "Traffic seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--partitions",
            defaultValue = "2",
            description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(
            names = "--parallelism",
            defaultValue = "2",
            description = "Job parallelism (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(
            names = "--state-backend",
            split = ",",
            defaultValue = "rocksdb",
            description =
                    "State backends to run the job with, in turn: rocksdb, hashmap or both, comma"
                            + " separated (default: ${DEFAULT-VALUE}).")
    List<String> stateBackends;

    @Option(
            names = "--checkpoint-interval",
            defaultValue = "PT30S",
            description = "The job's checkpoint interval (default: ${DEFAULT-VALUE}, run's).")
    Duration checkpointInterval;

    @Option(
            names = "--job-heap",
            defaultValue = "2g",
            description = "The job JVM's heap (default: ${DEFAULT-VALUE}).")
    String jobHeap;

    @Option(
            names = "--jfr",
            description = "Record the first job run with Java Flight Recorder into the work dir.")
    boolean jfr;

    @Option(
            names = "--work",
            description = "Working directory (default: a temporary one, deleted afterwards).")
    Path work;

    @Option(names = "--report", description = "Also write the report to this file.")
    Path report;

    @Override
    public Integer call() throws Exception {
        for (String b : stateBackends) {
            if (!b.equals("rocksdb") && !b.equals("hashmap")) {
                throw new IllegalArgumentException("--state-backend: rocksdb or hashmap, not " + b);
            }
        }
        boolean temporary = work == null;
        Path dir =
                temporary
                        ? Files.createTempDirectory("migration-bench-streaming")
                        : Files.createDirectories(work);
        try {
            String text =
                    new StreamingBench(
                                    LocalClusterCommand.ownJar(),
                                    dir,
                                    GeneratorSettings.defaults()
                                            .withSeed(seed)
                                            .withDays(days)
                                            .withScale(scale),
                                    partitions,
                                    parallelism,
                                    stateBackends,
                                    checkpointInterval,
                                    jobHeap,
                                    jfr)
                            .run();
            System.out.print(text);
            if (report != null) {
                Files.writeString(report, text, StandardCharsets.UTF_8);
            }
            return 0;
        } finally {
            if (temporary && !jfr) {
                BenchCommand.deleteTree(dir);
            }
        }
    }
}
