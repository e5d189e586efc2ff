package kz.migration.monitor.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import kz.migration.monitor.job.RetainedCheckpoints;
import kz.migration.monitor.job.StreamingJob;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.metrics.PrometheusReporting;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code run}: the streaming monitor against an existing Kafka cluster. Under {@code flink run} it
 * is submitted to that Flink cluster; with {@code java -jar} it runs on a local MiniCluster.
 *
 * <p>Checkpoints are retained when the job is cancelled or dies, and a job started again with the
 * same {@code --checkpoint-dir} resumes from the newest completed one: its state (stays, timers,
 * the de-duplication memory) together with the input offsets it belongs to. Resuming from the
 * committed offsets alone would lose that state.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the streaming monitor: reads border-crossings, registrations, employment and"
                + " reference-data, writes alerts, flow-stats, flow-matrix and dead-letters exactly"
                + " once.",
            "The pseudonymisation key comes from MONITOR_PSEUDONYM_KEY."
        })
public final class RunCommand implements Callable<Integer> {

    @Option(
            names = "--bootstrap",
            required = true,
            description = "Kafka bootstrap servers, e.g. kafka:9092.")
    String bootstrap;

    @Option(
            names = "--flink-metrics-port",
            defaultValue = "9249",
            description =
                    "Port of Flink's Prometheus reporter, with the job's metrics and the domain"
                            + " metrics, when running locally (java -jar); a cluster uses its own"
                            + " configuration; 0 disables (default: ${DEFAULT-VALUE}).")
    int flinkMetricsPort;

    @Option(
            names = "--from-savepoint",
            paramLabel = "PATH",
            description =
                    "Start from this savepoint (or retained checkpoint) directory. A newer"
                            + " completed checkpoint under --checkpoint-dir wins, so the same"
                            + " command run again after a crash continues from there.")
    String fromSavepoint;

    @Mixin StreamingOptions options;

    @Override
    public Integer call() throws Exception {
        options.validate();
        StreamingJob job = options.job(bootstrap, Pseudonymiser.fromEnvironment());
        var conf = job.configuration();
        if (flinkMetricsPort > 0) {
            conf.addAll(new PrometheusReporting(String.valueOf(flinkMetricsPort)).configuration());
        }
        // Kept when the job is cancelled or dies, so that it can be started again from them.
        conf.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        chooseStartingPoint(conf);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        job.define(env);
        long runtime = env.execute(StreamingJob.NAME).getNetRuntime();
        // Only a bounded job gets here; the streaming benchmark reads this line.
        System.err.printf("job finished after %d ms%n", runtime);
        return 0;
    }

    /**
     * Sets where the job starts, unless the Flink client was told already ({@code flink run -s}, or
     * a cluster's {@code execution.state-recovery.path}).
     */
    private void chooseStartingPoint(Configuration conf) throws Exception {
        Optional<String> given =
                StreamExecutionEnvironment.getExecutionEnvironment(conf)
                        .getConfiguration()
                        .getOptional(StateRecoveryOptions.SAVEPOINT_PATH);
        if (given.isPresent()) {
            System.err.println("restoring from " + given.get() + " (given to the Flink client)");
            return;
        }
        Optional<RetainedCheckpoints.Snapshot> start =
                RetainedCheckpoints.startingPoint(fromSavepoint, options.checkpointDir);
        if (start.isPresent()) {
            start.get().applyTo(conf);
            System.err.printf(
                    "restoring from %s %s (checkpoint %d)%n",
                    start.get().savepoint() ? "savepoint" : "retained checkpoint",
                    start.get().path(),
                    start.get().checkpointId());
        } else if (options.checkpointDir != null) {
            System.err.println(
                    "no completed checkpoint under " + options.checkpointDir + ": starting afresh");
        }
    }
}
