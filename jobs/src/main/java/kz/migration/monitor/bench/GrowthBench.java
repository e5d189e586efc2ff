package kz.migration.monitor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.migration.monitor.cluster.JavaCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench growth}: the replay benchmark ({@code bench}) at several multiples of the national
 * load, each in a process of its own so that its peak memory is its own, side by side in one table.
 * Whatever makes {@code bench} faster or leaner shows here too.
 */
@Command(
        name = "growth",
        mixinStandardHelpOptions = true,
        description =
                "Runs `bench` at 1x, 3x and 7x the national load (each in its own JVM) and tables"
                        + " events/s and peak memory.")
public final class GrowthBench implements Callable<Integer> {

    /** The design load: about 80,000 border events a day (domain notes). */
    static final int NATIONAL = 80_000;

    private static final String CLI = "kz.migration.monitor.cli.MonitorCli";

    @Option(
            names = "--days",
            defaultValue = "14",
            description = "Simulated days per run (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(
            names = "--loads",
            split = ",",
            defaultValue = "1,3,7",
            description = "Multiples of the national load (default: ${DEFAULT-VALUE}).")
    List<Integer> loads;

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
            names = "--heap",
            defaultValue = "8g",
            description = "Maximum heap of each run's JVM (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(
            names = "--work",
            description = "Where each run's report and log go (default: a temporary directory).")
    Path work;

    @Option(names = "--report", description = "Also write the report to this file.")
    Path report;

    /** What one run reported, and what was seen of its process from outside. */
    private record Run(
            int load,
            int exit,
            double wallSeconds,
            String records,
            String eventsPerSecond,
            String replaySeconds,
            String peakHeap,
            String peakResident) {}

    @Override
    public Integer call() throws Exception {
        Path dir =
                work == null
                        ? Files.createTempDirectory("migration-growth")
                        : Files.createDirectories(work);
        List<Run> runs = new ArrayList<>();
        for (int load : loads) {
            System.out.printf(
                    "%dx: %d days at %,d border events/day...%n", load, days, load * NATIONAL);
            Run run = run(load, dir);
            System.out.printf(
                    "%dx: %s events/s, peak heap %s, peak resident %s%n",
                    load, run.eventsPerSecond(), run.peakHeap(), run.peakResident());
            runs.add(run);
        }
        String text = table(runs, dir);
        System.out.print(text);
        if (report != null) {
            Files.writeString(report, text, StandardCharsets.UTF_8);
        }
        return runs.stream().allMatch(r -> r.exit() == 0) ? 0 : 1;
    }

    private Run run(int load, Path dir) throws IOException, InterruptedException {
        Path childReport = dir.resolve("bench-" + load + "x.md");
        Path log = dir.resolve("bench-" + load + "x.log");
        List<String> command = new ArrayList<>();
        command.add(JavaCommand.java().toString());
        command.add("-Xmx" + heap);
        command.addAll(JavaCommand.FLINK_JAVA_17_OPTIONS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CLI);
        command.addAll(
                List.of(
                        "bench",
                        "--days",
                        Integer.toString(days),
                        "--scale",
                        Integer.toString(load * NATIONAL),
                        "--seed",
                        Long.toString(seed),
                        "--parallelism",
                        Integer.toString(parallelism),
                        "--report",
                        childReport.toString()));
        long t0 = System.nanoTime();
        Process p =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        String resident = "n/a";
        try {
            // VmHWM only grows: the last reading before the process ends is its peak.
            while (p.isAlive()) {
                String r = PeakMemory.peakResident(status);
                if (!r.equals("n/a")) {
                    resident = r;
                }
                Thread.sleep(200);
            }
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        int exit = p.waitFor();
        double wall = (System.nanoTime() - t0) / 1e9;
        String text = Files.exists(childReport) ? Files.readString(childReport) : "";
        return new Run(
                load,
                exit,
                wall,
                field(text, "\\| traffic \\| [^|]*: ([\\d,]+) records"),
                field(text, "\\| replay throughput \\| ([\\d,]+) events/s"),
                field(text, "\\| replay \\(in this JVM[^|]*\\| ([\\d.]+) s"),
                field(text, "\\| replay peak heap used \\| ([\\d,]+ MiB)"),
                mib(resident));
    }

    /** {@code 1199416 kB} as {@code 1,171 MiB}. */
    private static String mib(String kilobytes) {
        Matcher m = Pattern.compile("(\\d+) kB").matcher(kilobytes);
        return m.matches() ? String.format("%,d MiB", Long.parseLong(m.group(1)) >> 10) : kilobytes;
    }

    /** A figure of the child's report, or {@code n/a} if its report says it otherwise. */
    private static String field(String report, String regex) {
        Matcher m = Pattern.compile(regex).matcher(report);
        return m.find() ? m.group(1) : "n/a";
    }

    private String table(List<Run> runs, Path dir) {
        StringBuilder b = new StringBuilder();
        b.append(
                String.format(
                        "# Growth: replay at multiples of the national load%n%n%d days per run,"
                                + " seed %d, parallelism %d, -Xmx%s, each run its own JVM (`bench"
                                + " --days %d --scale N`); reports and logs in %s%n%n",
                        days, seed, parallelism, heap, days, dir));
        b.append(
                String.format(
                        "| load | border events/day | input records | replay | events/s | peak"
                                + " heap used | peak resident (process) | whole run |%n"
                                + "|---|---|---|---|---|---|---|---|%n"));
        for (Run r : runs) {
            b.append(
                    String.format(
                            "| %dx | %,d | %s | %s s | %s | %s | %s | %.0f s%s |%n",
                            r.load(),
                            r.load() * NATIONAL,
                            r.records(),
                            r.replaySeconds(),
                            r.eventsPerSecond(),
                            r.peakHeap(),
                            r.peakResident(),
                            r.wallSeconds(),
                            r.exit() == 0 ? "" : ", exit " + r.exit()));
        }
        b.append(
                String.format(
                        "%nmachine: %d cores, Java %s%n",
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version")));
        return b.toString();
    }
}
