package kz.migration.monitor.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import kz.migration.monitor.bench.GrowthBench;
import kz.migration.monitor.bench.StateScaleBench;
import kz.migration.monitor.generator.GeneratorSettings;
import kz.migration.monitor.generator.JsonlFileSink;
import kz.migration.monitor.generator.TrafficGenerator;
import kz.migration.monitor.job.MonitorSettings;
import kz.migration.monitor.job.Replay;
import kz.migration.monitor.json.Pseudonymiser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: generates traffic (by default a national year, about 30 million border events) and
 * replays it, reporting replay throughput in events per second and the peak memory.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        subcommands = {StateScaleBench.class, GrowthBench.class},
        description =
                "Measures replay throughput (events/s) and peak memory on generated traffic; writes"
                        + " a report.")
public final class BenchCommand implements Callable<Integer> {

    @Option(
            names = "--days",
            defaultValue = "365",
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
        AtomicLong peakHeap = new AtomicLong();
        Thread sampler = heapSampler(peakHeap);
        try {
            long t0 = System.nanoTime();
            Map<String, Long> counts;
            try (JsonlFileSink sink = new JsonlFileSink(dir.resolve("in"))) {
                counts =
                        new TrafficGenerator(
                                        GeneratorSettings.defaults()
                                                .withSeed(seed)
                                                .withDays(days)
                                                .withScale(scale))
                                .generate(sink);
            }
            double genSeconds = (System.nanoTime() - t0) / 1e9;
            long records = counts.values().stream().mapToLong(Long::longValue).sum();

            long t1 = System.nanoTime();
            ProgressBar bar = new ProgressBar("replay");
            Replay.Summary s =
                    new Replay(
                                    MonitorSettings.streaming(
                                            new Pseudonymiser(Pseudonymiser.DEMO_KEY)),
                                    parallelism)
                            .run(
                                    dir.resolve("in"),
                                    dir.resolve("out"),
                                    null,
                                    bar::total,
                                    bar::update);
            bar.done();
            double replaySeconds = (System.nanoTime() - t1) / 1e9;
            String text =
                    String.format(
                            "# Replay benchmark%n%n| figure | value |%n|---|---|%n| traffic | %d"
                                + " days at %,d border events/day, seed %d |%n| input records | %,d"
                                + " (%s) |%n| generation | %.1f s (%,.0f records/s) |%n| replay |"
                                + " %.1f s, parallelism %d |%n| replay throughput | %,.0f events/s"
                                + " |%n| outputs | %,d alerts, %,d flow-stats rows, %,d flow-matrix"
                                + " rows, %,d dead letters |%n| peak heap used | %,d MiB (max heap"
                                + " %,d MiB) |%n| peak resident memory | %s |%n| machine | %d"
                                + " cores, Java %s |%n",
                            days,
                            scale,
                            seed,
                            records,
                            counts,
                            genSeconds,
                            records / genSeconds,
                            replaySeconds,
                            parallelism,
                            s.lines() / replaySeconds,
                            s.alerts(),
                            s.flowStats(),
                            s.flowMatrix(),
                            s.deadLetters(),
                            peakHeap.get() >> 20,
                            Runtime.getRuntime().maxMemory() >> 20,
                            peakResident(),
                            Runtime.getRuntime().availableProcessors(),
                            System.getProperty("java.version"));
            System.out.print(text);
            if (report != null) {
                Files.writeString(report, text, StandardCharsets.UTF_8);
            }
            return 0;
        } finally {
            sampler.interrupt();
            if (temporary) {
                deleteTree(dir);
            }
        }
    }

    private static Thread heapSampler(AtomicLong peak) {
        Thread t =
                new Thread(
                        () -> {
                            var memory = ManagementFactory.getMemoryMXBean();
                            while (!Thread.currentThread().isInterrupted()) {
                                peak.accumulateAndGet(
                                        memory.getHeapMemoryUsage().getUsed(), Math::max);
                                try {
                                    Thread.sleep(100);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        },
                        "bench-heap-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The process' peak resident set (VmHWM) where Linux reports it. */
    private static String peakResident() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return line.substring(6).trim();
                }
            }
        } catch (IOException e) {
            // not Linux: only the heap figure is reported
        }
        return "n/a";
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
