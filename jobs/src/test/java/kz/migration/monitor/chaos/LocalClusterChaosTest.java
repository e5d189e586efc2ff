package kz.migration.monitor.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import kz.migration.monitor.cluster.LocalProcess;
import kz.migration.monitor.cluster.StateLayout;
import kz.migration.monitor.event.Topics;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos run on the real multi-process deployment (broker, JobManager, two TaskManagers, the job
 * submitted with Flink's client, all from the packaged jars), bounded for CI: a TaskManager killed
 * with SIGKILL and replaced; the JobManager and both TaskManagers killed and the cluster brought
 * back from the retained checkpoint; the job handed over to a {@code run} process (a MiniCluster)
 * through a savepoint, killed, and the same command started again. After each, the committed
 * outputs must equal replay over the same input: state, timers and the de-duplication memory
 * survived. The broker restart is left to the {@code chaos} command (it would add about a minute
 * here).
 *
 * <p>Runs in the integration-test phase, after {@code package} built the jars.
 */
class LocalClusterChaosTest {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void killedProcessesLoseAndDoubleNothing() throws Exception {
        String jar = System.getProperty("monitor.jar");
        Assumptions.assumeTrue(
                jar != null, "needs the packaged jars: runs in the integration-test phase");
        Path state = dir.resolve("state");

        ChaosReport report =
                new ChaosRun(
                                new ChaosRun.Settings(
                                        state,
                                        Path.of(jar),
                                        Path.of(System.getProperty("monitor.job.jar")),
                                        11,
                                        LocalDate.parse("2026-01-01"),
                                        600,
                                        31,
                                        5,
                                        Duration.ofMillis(400),
                                        List.of(
                                                ChaosRun.Fault.TASKMANAGER_KILL,
                                                ChaosRun.Fault.CLUSTER_KILL,
                                                ChaosRun.Fault.RUN_PROCESS_KILL),
                                        Duration.ofMinutes(3),
                                        System.err))
                        .run();
        System.err.print(report.render());

        assertThat(report.steps()).as(report.render()).hasSize(4);
        for (ChaosReport.Step step : report.steps()) {
            OutputComparison alerts = step.output(Topics.ALERTS);
            assertThat(alerts.lost()).as("alerts lost: " + step.fault()).isZero();
            assertThat(alerts.doubled()).as("alerts doubled: " + step.fault()).isZero();
            assertThat(step.passed()).as(report.render()).isTrue();
        }
        // Enough happened for the comparison to mean something.
        ChaosReport.Step last = report.steps().get(report.steps().size() - 1);
        assertThat(last.output(Topics.ALERTS).expected()).isGreaterThan(10);
        assertThat(last.output(Topics.FLOW_STATS).expected()).isGreaterThan(1000);
        // Every process it started is gone.
        assertThat(LocalProcess.all(new StateLayout(state))).isEmpty();
    }
}
