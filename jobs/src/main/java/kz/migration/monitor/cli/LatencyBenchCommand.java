package kz.migration.monitor.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import kz.migration.monitor.bench.LatencyBench;
import kz.migration.monitor.generator.GeneratorSettings;
import kz.migration.monitor.job.StateChangelog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench latency}: event-to-alert latency of the live job at a steady input rate. */
@Command(
        name = "latency",
        mixinStandardHelpOptions = true,
        description = {
            "Starts a Kafka broker as its own process and the job (run, exactly once) in a JVM of"
                + " its own, produces generated traffic at a steady rate, and reports the time from"
                + " the send of an input event to the visibility of the alert raised at it to a"
                + " read_committed consumer: p50, p90, p99, max."
        })
final class LatencyBenchCommand implements Callable<Integer> {

    @Option(
            names = "--rate",
            defaultValue = "20000",
            description = "Input records per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(
            names = "--duration",
            defaultValue = "PT60S",
            description = "Measured time (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(
            names = "--warm-up",
            defaultValue = "PT20S",
            description =
                    "Time before it, while the job starts; its alerts are left out (default:"
                            + " ${DEFAULT-VALUE}).")
    Duration warmUp;

    @Option(
            names = "--scale",
            defaultValue = "80000",
            description = "Border events per simulated day (default: ${DEFAULT-VALUE}).")
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
            defaultValue = "rocksdb",
            description = "rocksdb or hashmap (default: ${DEFAULT-VALUE}).")
    String stateBackend;

    @Option(
            names = "--state-changelog",
            description = "Run the job with --state-changelog (Flink's state changelog).")
    boolean stateChangelog;

    @Option(
            names = "--materialization-interval",
            defaultValue = "PT10M",
            description =
                    "The job's --materialization-interval with --state-changelog (default:"
                            + " ${DEFAULT-VALUE}, run's).")
    Duration materializationInterval;

    @Option(
            names = "--checkpoint-interval",
            defaultValue = "PT1S",
            description = "The job's checkpoint interval (default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval;

    @Option(
            names = "--lateness",
            defaultValue = "PT5M",
            description =
                    "The job's allowed lateness, event time; the traffic runs thousands of times"
                            + " faster than real time, so 5 min are milliseconds (default:"
                            + " ${DEFAULT-VALUE}).")
    Duration lateness;

    @Option(
            names = "--idleness",
            defaultValue = "PT0.2S",
            description =
                    "The job's idleness, real time: a reference-data partition that has just"
                        + " carried a record holds the watermark back for up to this long, on top"
                        + " of the lateness's own wait. In production that is 1 min on top of 5"
                        + " min; here event time runs thousands of times faster, so the lateness"
                        + " shrinks to milliseconds, while the idleness cannot go below the"
                        + " watermark interval (200 ms): the default is that interval (default:"
                        + " ${DEFAULT-VALUE}).")
    Duration idleness;

    @Option(
            names = "--job-heap",
            defaultValue = "2g",
            description = "The job JVM's heap (default: ${DEFAULT-VALUE}).")
    String jobHeap;

    @Option(
            names = "--work",
            description = "Working directory (default: a temporary one, deleted afterwards).")
    Path work;

    @Option(names = "--report", description = "Also write the report to this file.")
    Path report;

    @Override
    public Integer call() throws Exception {
        boolean temporary = work == null;
        Path dir =
                temporary
                        ? Files.createTempDirectory("migration-bench-latency")
                        : Files.createDirectories(work);
        // Enough simulated days for the run at any rate the generator reaches.
        int days =
                (int)
                        Math.min(
                                GeneratorSettings.MAX_DAYS,
                                30
                                        + 2
                                                * rate
                                                * (warmUp.toSeconds() + duration.toSeconds())
                                                / scale);
        try {
            String text =
                    new LatencyBench(
                                    LocalClusterCommand.ownJar(),
                                    dir,
                                    GeneratorSettings.defaults()
                                            .withSeed(seed)
                                            .withDays(days)
                                            .withScale(scale),
                                    partitions,
                                    parallelism,
                                    stateBackend,
                                    stateChangelog
                                            ? StateChangelog.every(materializationInterval)
                                            : StateChangelog.OFF,
                                    rate,
                                    warmUp,
                                    duration,
                                    checkpointInterval,
                                    lateness,
                                    idleness,
                                    jobHeap)
                            .run();
            System.out.print(text);
            if (report != null) {
                Files.writeString(report, text, StandardCharsets.UTF_8);
            }
            return 0;
        } finally {
            if (temporary) {
                BenchCommand.deleteTree(dir);
            }
        }
    }
}
