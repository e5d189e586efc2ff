package kz.migration.monitor.cli;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Callable;
import kz.migration.monitor.alertmanager.AlertForwarder;
import kz.migration.monitor.alertmanager.MetricsEndpoint;
import kz.migration.monitor.event.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code forward-alerts}: delivers the {@code alerts} topic to Alertmanager, losing none. */
@Command(
        name = "forward-alerts",
        mixinStandardHelpOptions = true,
        description = {
            "Reads committed alerts from Kafka and posts them to Alertmanager's v2 API, committing"
                    + " offsets only after delivery and retrying with backoff while Alertmanager is"
                    + " down. OVERSTAY_ENDED resolves the subject's OVERSTAY alerts; the ends seen"
                    + " are kept in a compacted state topic, so a restart re-opens none."
        })
public final class ForwardAlertsCommand implements Callable<Integer> {

    @Option(names = "--bootstrap", required = true, description = "Kafka bootstrap servers.")
    String bootstrap;

    @Option(
            names = "--alertmanager",
            required = true,
            description = "Alertmanager base URL, e.g. http://localhost:9093.")
    URI alertmanager;

    @Option(
            names = "--topic",
            defaultValue = Topics.ALERTS,
            description = "Alerts topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(
            names = "--group-id",
            defaultValue = "alert-forwarder",
            description = "Consumer group (default: ${DEFAULT-VALUE}).")
    String groupId;

    @Option(
            names = "--state-topic",
            description =
                    "Compacted topic holding the ends of overstays seen, created if missing"
                            + " (default: <group-id>-state). One forwarder per state topic.")
    String stateTopic;

    @Option(
            names = "--metrics-port",
            defaultValue = "9400",
            description =
                    "Port of the forwarder's /metrics (migration_alertmanager_*); 0 disables"
                            + " (default: ${DEFAULT-VALUE}).")
    int metricsPort;

    @picocli.CommandLine.Mixin KafkaSecurityOptions security;

    @Override
    public Integer call() throws Exception {
        MetricsEndpoint endpoint =
                metricsPort > 0 ? MetricsEndpoint.start(new InetSocketAddress(metricsPort)) : null;
        try {
            MeterRegistry registry =
                    endpoint != null ? endpoint.registry() : new SimpleMeterRegistry();
            AlertForwarder forwarder =
                    AlertForwarder.forBroker(
                            bootstrap,
                            topic,
                            groupId,
                            stateTopic != null ? stateTopic : AlertForwarder.stateTopic(groupId),
                            alertmanager,
                            registry,
                            security.clientProperties());
            Runtime.getRuntime().addShutdownHook(new Thread(forwarder::close, "forwarder-stop"));
            forwarder.run();
        } finally {
            if (endpoint != null) {
                endpoint.close();
            }
        }
        return 0;
    }
}
