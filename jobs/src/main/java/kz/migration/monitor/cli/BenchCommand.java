package kz.migration.monitor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kz.migration.monitor.bench.GrowthBench;
import kz.migration.monitor.bench.ReplayBench;
import kz.migration.monitor.bench.StateScaleBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: a table of sections, each measuring a figure beside its baseline in the same run.
 * The replay section ({@link ReplayBench}) generates traffic (by default 30 days at the national
 * load; {@code --days 365} is the national year, about 30 million records) and replays it beside a
 * parse-only baseline.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        subcommands = {
            StreamingBenchCommand.class,
            LatencyBenchCommand.class,
            StateScaleBench.class,
            GrowthBench.class
        },
        description =
                "Measures replay throughput (events/s), its ratio to parsing alone and peak memory"
                        + " on generated traffic; writes a report.")
public final class BenchCommand implements Callable<Integer> {

    @Option(
            names = "--days",
            defaultValue = "30",
            description = "Simulated days (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(
            names = "--scale",
            defaultValue = "80000",
            description = "Border events per day (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "Traffic seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--parallelism",
            defaultValue = "2",
            description = "Replay parallelism (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(
            names = "--mode",
            defaultValue = "batch",
            description =
                    "Replay's mode: streaming, batch or auto, as in replay (default:"
                            + " ${DEFAULT-VALUE}).")
    String mode;

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
                        ? Files.createTempDirectory("migration-bench")
                        : Files.createDirectories(work);
        try {
            ProgressBar bar = new ProgressBar("replay");
            StringBuilder text = new StringBuilder("# Benchmark\n\n");
            text.append(
                    new ReplayBench(
                                    new ReplayBench.Settings(
                                            days,
                                            scale,
                                            seed,
                                            parallelism,
                                            ReplayCommand.replayMode(mode)))
                            .run(
                                    dir.resolve("replay"),
                                    new ReplayBench.Progress(bar::total, bar::update, bar::done)));
            System.out.print(text);
            if (report != null) {
                Files.writeString(report, text, StandardCharsets.UTF_8);
            }
            return 0;
        } finally {
            if (temporary) {
                deleteTree(dir);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
