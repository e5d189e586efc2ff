package kz.migration.monitor.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import kz.migration.monitor.cluster.KafkaBroker;
import kz.migration.monitor.kafka.EmbeddedKafka;
import kz.migration.monitor.kafka.MonitorAcls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code broker}: a single-node Kafka broker as its own process, its data kept in a directory. */
@Command(
        name = "broker",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a Kafka broker (KRaft, broker and controller in one node) on 127.0.0.1 until"
                + " stopped: DIR/server.properties is written, DIR/data formatted the first time"
                + " and kept across restarts. Topics keep their records until deleted unless they"
                + " set their own retention (record timestamps are event time).",
            "local-cluster starts it; run it yourself for a broker of your own."
        })
public final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--dir", required = true, description = "Configuration and data directory.")
    Path dir;

    @Option(
            names = "--port",
            defaultValue = "9092",
            description = "Client port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--controller-port",
            defaultValue = "9093",
            description = "KRaft controller port (default: ${DEFAULT-VALUE}).")
    int controllerPort;

    @Option(
            names = "--secrets",
            paramLabel = "DIR",
            description =
                    "Start secure: SASL_SSL with SCRAM-SHA-512 and the monitor's ACLs, from the"
                            + " secrets deploy/security/generate-secrets.sh wrote into DIR; clients"
                            + " then need DIR/<principal>.properties (--kafka-properties).")
    Path secrets;

    @Override
    public Integer call() throws Exception {
        new KafkaBroker(
                        dir.toAbsolutePath(),
                        port,
                        controllerPort,
                        secrets == null
                                ? null
                                : new EmbeddedKafka.Security(
                                        secrets.toAbsolutePath(), MonitorAcls.Groups.DEFAULT))
                .run();
        return 0;
    }
}
