package kz.migration.monitor.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import kz.migration.monitor.chaos.ChaosReport;
import kz.migration.monitor.chaos.ChaosRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code chaos}: faults on the multi-process deployment, outputs compared with replay. */
@Command(
        name = "chaos",
        mixinStandardHelpOptions = true,
        description = {
            "Starts the multi-process deployment (as local-cluster) in an empty state directory,"
                + " produces generated traffic (out-of-order, late, duplicate and malformed"
                + " records) and, while it flows: kills a TaskManager (-9) and starts a new one;"
                + " restarts the broker; kills the JobManager and every TaskManager (-9) and brings"
                + " the cluster back; hands the job to a `run` process, kills it (-9) and starts it"
                + " again. After each, the committed outputs (read_committed) must equal replay"
                + " over the same input: no alert lost or doubled, flow-stats, flow-matrix and dead"
                + " letters identical. Prints a report; exit code 1 if anything differed.",
            "All processes are stopped by pid at the end."
        })
public final class ChaosCommand implements Callable<Integer> {

    @Option(
            names = "--state-dir",
            description = "An empty directory for the run (default: a new temporary one, kept).")
    Path stateDir;

    @Option(
            names = "--faults",
            split = ",",
            defaultValue = "TASKMANAGER_KILL,BROKER_RESTART,CLUSTER_KILL,RUN_PROCESS_KILL",
            description = "Faults in order, one step each (default: ${DEFAULT-VALUE}).")
    List<ChaosRun.Fault> faults;

    @Option(
            names = "--first-days",
            defaultValue = "40",
            description =
                    "Simulated days produced before the first fault, long enough for overstays"
                            + " (default: ${DEFAULT-VALUE}).")
    int firstDays;

    @Option(
            names = "--days-per-step",
            defaultValue = "10",
            description = "Simulated days produced per step (default: ${DEFAULT-VALUE}).")
    int daysPerStep;

    @Option(
            names = "--scale",
            defaultValue = "2000",
            description = "Border events per simulated day (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(
            names = "--pace",
            defaultValue = "PT1S",
            description = "Real time per simulated day (default: ${DEFAULT-VALUE}).")
    Duration pace;

    @Option(
            names = "--seed",
            defaultValue = "7",
            description = "Traffic seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--start",
            defaultValue = "2026-01-01",
            description = "First simulated day (default: ${DEFAULT-VALUE}).")
    LocalDate start;

    @Option(
            names = "--timeout",
            defaultValue = "PT5M",
            description =
                    "How long a step may take to recover and catch up (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--report", description = "Also write the report to this file.")
    Path report;

    @Override
    public Integer call() throws Exception {
        Path jar = LocalClusterCommand.ownJar();
        Path dir =
                stateDir != null ? stateDir : Files.createTempDirectory("migration-monitor-chaos");
        ChaosReport r =
                new ChaosRun(
                                new ChaosRun.Settings(
                                        dir,
                                        jar,
                                        jar.resolveSibling("migration-monitor-job.jar"),
                                        seed,
                                        start,
                                        scale,
                                        firstDays,
                                        daysPerStep,
                                        pace,
                                        faults,
                                        timeout,
                                        System.err))
                        .run();
        String text = r.render();
        System.out.print(text);
        System.out.println("state and logs: " + dir);
        if (report != null) {
            Files.writeString(report, text, StandardCharsets.UTF_8);
        }
        return r.passed() ? 0 : 1;
    }
}
