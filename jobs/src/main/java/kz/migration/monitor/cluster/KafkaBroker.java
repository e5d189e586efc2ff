package kz.migration.monitor.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import kz.migration.monitor.kafka.EmbeddedKafka;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka broker (KRaft, combined broker and controller) on loopback, as its own
 * process: {@code server.properties} generated into its directory, the data directory formatted
 * with Kafka's {@code StorageTool} the first time, then {@code kafka.Kafka}. The data directory
 * survives restarts, so topics, offsets and transactions do too.
 *
 * @param dir holds {@code server.properties} and {@code data/}
 * @param port the client port (PLAINTEXT, or SASL_SSL with {@code security})
 * @param controllerPort the KRaft controller port
 * @param security TLS, SCRAM and the monitor's ACLs, or {@code null} for PLAINTEXT
 */
public record KafkaBroker(Path dir, int port, int controllerPort, EmbeddedKafka.Security security) {

    /** A PLAINTEXT broker. */
    public KafkaBroker(Path dir, int port, int controllerPort) {
        this(dir, port, controllerPort, null);
    }

    /**
     * The broker's ceiling on transaction timeouts, Kafka's default made explicit: the job's
     * exactly-once sinks ask for less (see {@code KafkaOutputs}).
     */
    public static final String TRANSACTION_MAX_TIMEOUT_MS = "900000";

    public Path serverProperties() {
        return dir.resolve("server.properties");
    }

    public Path dataDir() {
        return dir.resolve("data");
    }

    /** Writes the configuration, formats the data directory if it is new, and runs the broker. */
    public void run() throws IOException {
        Files.createDirectories(dataDir());
        Properties p = properties();
        try (OutputStream out = Files.newOutputStream(serverProperties())) {
            p.store(out, "written by the broker command on every start");
        }
        if (!Files.exists(dataDir().resolve("meta.properties"))) {
            ByteArrayOutputStream report = new ByteArrayOutputStream();
            List<String> format =
                    new ArrayList<>(
                            List.of(
                                    "format",
                                    "--cluster-id",
                                    Uuid.randomUuid().toString(),
                                    "--config",
                                    serverProperties().toString()));
            if (security != null) {
                format.addAll(List.of("--add-scram", security.adminScramArgument()));
            }
            int code;
            try (PrintStream ps = new PrintStream(report, true, StandardCharsets.UTF_8)) {
                code = kafka.tools.StorageTool.execute(format.toArray(String[]::new), ps);
            }
            System.out.print(report.toString(StandardCharsets.UTF_8));
            if (code != 0) {
                throw new IllegalStateException(
                        "kafka-storage format failed with exit code " + code);
            }
        }
        if (security != null) {
            grantWhenUp();
        }
        // Runs until SIGTERM (a controlled shutdown) or SIGKILL.
        kafka.Kafka.main(new String[] {serverProperties().toString()});
    }

    /**
     * The other principals' credentials and the ACLs, once the broker answers (kafka.Kafka.main
     * does not return while it runs).
     */
    private void grantWhenUp() {
        Thread t =
                new Thread(
                        () -> {
                            try {
                                security.grant(ClusterPorts.HOST + ":" + port);
                                System.out.println("SCRAM users and ACLs of MonitorAcls set");
                            } catch (RuntimeException e) {
                                System.err.println("cannot set users and ACLs: " + e);
                            }
                        },
                        "broker-acls");
        t.setDaemon(true);
        t.start();
    }

    Properties properties() {
        String host = ClusterPorts.HOST;
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty(
                "listeners",
                "PLAINTEXT://"
                        + host
                        + ":"
                        + port
                        + ",CONTROLLER://"
                        + host
                        + ":"
                        + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", dataDir().toString());
        // One node: internal topics cannot have more replicas than brokers.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("transaction.max.timeout.ms", TRANSACTION_MAX_TIMEOUT_MS);
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.partitions", "2");
        // Record timestamps are event time, months back for generated history: with Kafka's
        // default of 7 days such segments would be deleted within minutes. Topics set their own
        // retention (ContractTopics); this default keeps any other topic too.
        p.setProperty("log.retention.ms", "-1");
        p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        if (security != null) {
            security.applyTo(p, host, port, controllerPort);
        }
        return p;
    }
}
