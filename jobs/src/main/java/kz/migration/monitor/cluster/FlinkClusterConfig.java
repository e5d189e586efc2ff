package kz.migration.monitor.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import kz.migration.monitor.job.StateChangelog;

/**
 * The Flink session cluster's {@code config.yaml} and the deployment's logging configuration,
 * written into {@code <state>/conf} by every {@code up}.
 *
 * @param taskManagerSlots slots of each TaskManager
 * @param parallelism the job's default parallelism
 * @param metricsPorts port range of Flink's Prometheus reporter, or {@code null} for none
 */
record FlinkClusterConfig(int taskManagerSlots, int parallelism, String metricsPorts) {

    static final String CONFIG_FILE = "config.yaml";
    static final String LOG4J_FILE = "log4j2.properties";

    /** The settings, in the order written. */
    Map<String, String> settings(StateLayout layout, ClusterPorts ports) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("jobmanager.rpc.address", ClusterPorts.HOST);
        c.put("jobmanager.rpc.port", String.valueOf(ports.rpc()));
        c.put("jobmanager.bind-host", ClusterPorts.HOST);
        c.put("jobmanager.memory.process.size", "1024m");
        c.put("taskmanager.host", ClusterPorts.HOST);
        c.put("taskmanager.bind-host", ClusterPorts.HOST);
        c.put("taskmanager.numberOfTaskSlots", String.valueOf(taskManagerSlots));
        c.put("taskmanager.memory.process.size", "1280m");
        // The heap state backend uses no managed memory; give it to the heap.
        c.put("taskmanager.memory.managed.fraction", "0.05");
        // Spread the job's slots over the TaskManagers, so that losing one matters.
        c.put("taskmanager.load-balance.mode", "SLOTS");
        c.put("rest.address", ClusterPorts.HOST);
        c.put("rest.bind-address", ClusterPorts.HOST);
        c.put("rest.port", String.valueOf(ports.rest()));
        c.put("parallelism.default", String.valueOf(parallelism));
        // The cluster runs from migration-monitor.jar, which holds the Kafka connector too: the job
        // jar's copy of it must not be loaded beside that one (LinkageError), so the cluster's
        // classes come first.
        c.put("classloader.resolve-order", "parent-first");
        c.put("state.backend.type", "hashmap");
        c.put("execution.checkpointing.dir", layout.checkpointsUri());
        c.put("execution.checkpointing.savepoint-dir", layout.savepointsUri());
        c.put(
                "execution.checkpointing.externalized-checkpoint-retention",
                "RETAIN_ON_CANCELLATION");
        // Where a job run with --state-changelog keeps it: Flink takes the changelog's storage
        // from the TaskManagers' configuration, not the job's.
        c.put("state.changelog.storage", "filesystem");
        c.put(
                "state.changelog.dstl.dfs.base-path",
                StateChangelog.changelogDir(layout.checkpointsUri()));
        c.put("restart-strategy.type", "exponential-delay");
        c.put("io.tmp.dirs", layout.tmp().toString());
        c.put("web.tmpdir", layout.tmp().toString());
        // Flink's scripts would pass these; this deployment's launcher passes the same itself.
        c.put("env.java.opts.all", String.join(" ", JavaCommand.FLINK_JAVA_17_OPTIONS));
        if (metricsPorts != null) {
            c.put(
                    "metrics.reporter.prom.factory.class",
                    "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
            c.put("metrics.reporter.prom.port", metricsPorts);
        }
        return c;
    }

    void write(StateLayout layout, ClusterPorts ports) throws IOException {
        String yaml =
                "# Written by `local-cluster up` on every start; edit the command, not this file.\n"
                        + settings(layout, ports).entrySet().stream()
                                .map(e -> e.getKey() + ": \"" + e.getValue() + "\"")
                                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(layout.conf().resolve(CONFIG_FILE), yaml, StandardCharsets.UTF_8);
        Files.writeString(layout.conf().resolve(LOG4J_FILE), LOG4J, StandardCharsets.UTF_8);
    }

    /**
     * INFO for the cluster's own story (restarts, checkpoints, restores, transactions aborted), the
     * chattiest libraries quieter.
     */
    private static final String LOG4J =
            """
            rootLogger.level = INFO
            rootLogger.appenderRef.out.ref = out
            appender.out.type = Console
            appender.out.name = out
            appender.out.target = SYSTEM_OUT
            appender.out.layout.type = PatternLayout
            appender.out.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %c{1.} - %m%n
            logger.metrics.name = org.apache.flink.metrics.MetricGroup
            logger.metrics.level = ERROR
            logger.kafkaclients.name = org.apache.kafka.clients
            logger.kafkaclients.level = WARN
            logger.kafkaconfig.name = org.apache.kafka.common
            logger.kafkaconfig.level = WARN
            logger.kafkastorage.name = org.apache.kafka.storage
            logger.kafkastorage.level = WARN
            logger.kafkalog.name = kafka.log
            logger.kafkalog.level = WARN
            logger.statechange.name = state.change.logger
            logger.statechange.level = WARN
            logger.pekko.name = org.apache.pekko
            logger.pekko.level = WARN
            logger.shaded.name = org.apache.flink.shaded
            logger.shaded.level = WARN
            logger.restore.name = org.apache.flink.runtime.state.heap
            logger.restore.level = WARN
            """;
}
