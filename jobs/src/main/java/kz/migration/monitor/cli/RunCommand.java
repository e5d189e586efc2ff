package kz.migration.monitor.cli;

import java.util.concurrent.Callable;
import kz.migration.monitor.job.StreamingJob;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.metrics.PrometheusReporting;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code run}: the streaming monitor against an existing Kafka cluster. Under {@code flink run} it
 * is submitted to that Flink cluster; with {@code java -jar} it runs on a local MiniCluster.
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

    @Mixin StreamingOptions options;

    @Override
    public Integer call() throws Exception {
        StreamingJob job = options.job(bootstrap, Pseudonymiser.fromEnvironment());
        var conf = job.configuration();
        if (flinkMetricsPort > 0) {
            conf.addAll(new PrometheusReporting(String.valueOf(flinkMetricsPort)).configuration());
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        job.define(env);
        env.execute(StreamingJob.NAME);
        return 0;
    }
}
