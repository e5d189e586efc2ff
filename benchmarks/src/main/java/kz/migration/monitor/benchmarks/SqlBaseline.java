package kz.migration.monitor.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.json.Pseudonymiser;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Times a Flink SQL job computing the daily entries and exits per region next to the monitor's
 * replay over the same {@code border-crossings.jsonl}, and checks that the two agree on every
 * region day. Exits 1 when they do not.
 */
@Command(
        name = "sql-baseline",
        mixinStandardHelpOptions = true,
        description = {
            "Times a Flink SQL job (daily entries and exits per region) beside the monitor's replay"
                    + " over DIR/border-crossings.jsonl, and checks that the SQL's rows equal the"
                    + " region rows of the monitor's flow-stats (entries, exits).",
            "The pseudonymisation key comes from MONITOR_PSEUDONYM_KEY if set (the outputs are"
                    + " thrown away)."
        })
public final class SqlBaseline implements Callable<Integer> {

    @Option(
            names = "--input",
            required = true,
            paramLabel = "DIR",
            description = "Directory with border-crossings.jsonl (as written by generate).")
    Path input;

    @Option(
            names = "--parallelism",
            defaultValue = "2",
            description = "Parallelism of both jobs (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(
            names = "--sql-input",
            split = ",",
            defaultValue = "SQL_JSON_FUNCTIONS",
            paramLabel = "HOW",
            description =
                    "How the SQL job reads the file, one or more of ${COMPLETION-CANDIDATES}"
                            + " (default: ${DEFAULT-VALUE}): lines read with SQL's JSON"
                            + " functions, or Flink's json format (which takes a line holding"
                            + " a JSON array as its elements), each with the contract's checks"
                            + " in SQL; or the monitor's own parser via fromDataStream.")
    List<DailyCrossingsSql.Input> sqlInputs;

    @Option(
            names = "--full",
            description =
                    "Replay every input file of DIR (the whole monitor), not the crossings alone.")
    boolean full;

    private final PrintStream out = System.out;

    public static void main(String[] args) {
        // A bounded job's collect iterator asks the MiniCluster, already gone, whether the job
        // ended; and a batch job never checkpoints. Both say so at WARN on every run.
        Configurator.setLevel(
                "org.apache.flink.streaming.api.operators.collect.CollectResultFetcher",
                Level.ERROR);
        Configurator.setLevel("org.apache.flink.runtime.jobmaster.JobMaster", Level.ERROR);
        System.exit(new CommandLine(new SqlBaseline()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path crossings = input.resolve(SourceStream.BORDER_CROSSINGS.topic() + ".jsonl");
        if (!Files.isRegularFile(crossings)) {
            throw new IllegalArgumentException(crossings + " does not exist");
        }
        long lines;
        try (Stream<String> s = Files.lines(crossings)) {
            lines = s.count();
        }
        out.printf(
                "Daily entries and exits per region over %s: %,d lines, %.1f MiB; parallelism %d,"
                        + " %d processors, max heap %,d MiB%n",
                crossings,
                lines,
                Files.size(crossings) / 1048576.0,
                parallelism,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        Map<DailyCrossingsSql.Input, Map<RegionDay, EntriesExits>> sql =
                new EnumMap<>(DailyCrossingsSql.Input.class);
        double sqlSeconds = 0;
        for (DailyCrossingsSql.Input how : sqlInputs) {
            long start = System.nanoTime();
            long cpu = processCpuNanos();
            sql.put(how, new DailyCrossingsSql(how, parallelism).run(crossings));
            sqlSeconds = (System.nanoTime() - start) / 1e9;
            row("Flink SQL, " + name(how), sqlSeconds, cpu, lines);
            out.printf("    %,d region days%n", sql.get(how).size());
        }

        Path work = Files.createTempDirectory("sql-baseline");
        try {
            Path replayInput = full ? input : crossingsOnly(work, crossings);
            long start = System.nanoTime();
            long cpu = processCpuNanos();
            MonitorFlowStats.Result monitor =
                    new MonitorFlowStats(parallelism, pseudonymiser())
                            .run(replayInput, work.resolve("output"));
            double monitorSeconds = (System.nanoTime() - start) / 1e9;
            row(
                    full ? "monitor replay, all files" : "monitor replay, crossings only",
                    monitorSeconds,
                    cpu,
                    monitor.lines());
            out.printf(
                    "    %,d region rows; %.1f times the time of the last SQL run%n",
                    monitor.regionRows().size(), monitorSeconds / sqlSeconds);

            boolean allAgree = true;
            for (Map.Entry<DailyCrossingsSql.Input, Map<RegionDay, EntriesExits>> e :
                    sql.entrySet()) {
                Agreement a = Agreement.of(e.getValue(), monitor.regionRows());
                if (a.agrees()) {
                    out.printf(
                            "Agreement (%s): the SQL's entries and exits equal the monitor's on"
                                    + " all %,d region days%n",
                            name(e.getKey()), a.compared());
                } else {
                    allAgree = false;
                    out.printf(
                            "DISAGREEMENT (%s) on %,d of %,d region days (day region, sql and"
                                    + " monitor entries/exits):%n",
                            name(e.getKey()), a.differences().size(), a.compared());
                    a.differences().stream().limit(20).forEach(d -> out.println("    " + d));
                }
            }
            return allAgree ? 0 : 1;
        } finally {
            deleteTree(work);
        }
    }

    private static String name(DailyCrossingsSql.Input how) {
        return how.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * A timed run: wall time, and the CPU time of the whole process meanwhile, which tells how much
     * of the machine the run had.
     */
    private void row(String what, double seconds, long cpuAtStart, long lines) {
        out.printf(
                "  %-34s %8.1f s %,12.0f lines/s   (process CPU %.1f s)%n",
                what, seconds, lines / seconds, (processCpuNanos() - cpuAtStart) / 1e9);
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    /** A directory holding only the crossings, so that replay reads what the SQL reads. */
    private static Path crossingsOnly(Path work, Path crossings) throws IOException {
        Path dir = Files.createDirectories(work.resolve("input"));
        Path link = dir.resolve(crossings.getFileName());
        try {
            Files.createSymbolicLink(link, crossings.toAbsolutePath());
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(crossings, link);
        }
        return dir;
    }

    private static Pseudonymiser pseudonymiser() {
        String key = System.getenv(Pseudonymiser.KEY_VARIABLE);
        return new Pseudonymiser(key == null || key.isEmpty() ? "sql-baseline-throwaway" : key);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
