package kz.migration.monitor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import kz.migration.monitor.generator.GeneratorSettings;
import kz.migration.monitor.generator.JsonlFileSink;
import kz.migration.monitor.generator.TrafficGenerator;
import kz.migration.monitor.job.MonitorSettings;
import kz.migration.monitor.job.Replay;
import kz.migration.monitor.job.ReplayMode;
import kz.migration.monitor.json.Pseudonymiser;

/**
 * The replay section of {@code bench}: generates traffic into files, times a parse-only baseline
 * over them ({@link ParseOnly}, a separate JVM on all cores, timed as a whole process), then the
 * replay in this JVM, and reports them side by side with the replay's peak heap and the process'
 * peak resident memory.
 */
public final class ReplayBench {

    /** What to measure. */
    public record Settings(int days, int scale, long seed, int parallelism, ReplayMode mode) {}

    /** Hooks for a progress bar: told the total lines, then the lines read so far. */
    public record Progress(LongConsumer total, LongConsumer update, Runnable done) {}

    private final Settings settings;

    public ReplayBench(Settings settings) {
        this.settings = settings;
    }

    /** Runs the section over a working directory and returns its report (Markdown). */
    public String run(Path dir, Progress progress) throws Exception {
        String loadBefore = loadAverage();
        long t0 = System.nanoTime();
        Map<String, Long> counts;
        try (JsonlFileSink sink = new JsonlFileSink(dir.resolve("in"))) {
            counts =
                    new TrafficGenerator(
                                    GeneratorSettings.defaults()
                                            .withSeed(settings.seed())
                                            .withDays(settings.days())
                                            .withScale(settings.scale()))
                            .generate(sink);
        }
        double genSeconds = seconds(t0);
        long records = counts.values().stream().mapToLong(Long::longValue).sum();

        long t1 = System.nanoTime();
        String parsed = parseOnly(dir.resolve("in"));
        double parseSeconds = seconds(t1);

        System.gc();
        PeakMemory memory = PeakMemory.start();
        Replay.Summary s;
        long t2 = System.nanoTime();
        try {
            s =
                    new Replay(
                                    MonitorSettings.streaming(
                                            new Pseudonymiser(Pseudonymiser.DEMO_KEY)),
                                    settings.parallelism(),
                                    settings.mode())
                            .run(
                                    dir.resolve("in"),
                                    dir.resolve("out"),
                                    null,
                                    progress.total(),
                                    progress.update());
        } finally {
            memory.stop();
        }
        double replaySeconds = seconds(t2);
        progress.done().run();
        String loadAfter = loadAverage();

        return String.format(
                "## Replay%n%n| figure | value |%n|---|---|%n| traffic | %d days at %,d border"
                    + " events/day, seed %d: %,d records (%s) |%n| generation | %.1f s (%,.0f"
                    + " records/s) |%n| parse-only baseline (separate JVM, %d threads, Jackson tree"
                    + " per line, whole process) | %.1f s (%,.0f lines/s; %s) |%n| replay (in this"
                    + " JVM, parallelism %d, %s mode) | %.1f s |%n| replay throughput | %,.0f"
                    + " events/s |%n| replay / parse-only | %.1f x (target: at most 6 x) |%n|"
                    + " outputs | %,d alerts, %,d flow-stats rows, %,d flow-matrix rows, %,d dead"
                    + " letters |%n| replay peak heap used | %,d MiB (max heap %,d MiB) |%n| peak"
                    + " resident memory of this process (generation included) | %s |%n| machine |"
                    + " %d cores, Java %s; load average before %s, after %s |%n",
                settings.days(),
                settings.scale(),
                settings.seed(),
                records,
                counts,
                genSeconds,
                records / genSeconds,
                Runtime.getRuntime().availableProcessors(),
                parseSeconds,
                s.lines() / parseSeconds,
                parsed,
                settings.parallelism(),
                s.mode().name().toLowerCase(java.util.Locale.ROOT),
                replaySeconds,
                s.lines() / replaySeconds,
                replaySeconds / parseSeconds,
                s.alerts(),
                s.flowStats(),
                s.flowMatrix(),
                s.deadLetters(),
                memory.peakHeapBytes() >> 20,
                Runtime.getRuntime().maxMemory() >> 20,
                PeakMemory.peakResident(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                loadBefore,
                loadAfter);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Runs {@link ParseOnly} in a JVM of its own over {@code in}; returns what it printed. */
    private static String parseOnly(Path in) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ParseOnly.class.getName());
        cmd.add(in.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException("parse-only baseline failed: " + out);
            }
            String[] f = out.trim().split(" ");
            return String.format(
                    "%,d lines, %,d fields", Long.parseLong(f[0]), Long.parseLong(f[1]));
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "n/a";
        }
    }
}
