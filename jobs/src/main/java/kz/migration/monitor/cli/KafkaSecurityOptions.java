package kz.migration.monitor.cli;

import java.nio.file.Path;
import java.util.Map;
import kz.migration.monitor.kafka.KafkaClientProperties;
import picocli.CommandLine.Option;

/**
 * {@code --kafka-properties FILE}: a principal's Kafka client settings (SASL_SSL, SCRAM, the
 * truststore), merged into every Kafka client the command builds.
 */
final class KafkaSecurityOptions {

    @Option(
            names = "--kafka-properties",
            paramLabel = "FILE",
            description =
                    "Kafka client settings merged into every client, e.g. the monitor.properties"
                            + " deploy/security/generate-secrets.sh writes (SASL_SSL, SCRAM); a"
                            + " relative truststore location is resolved against FILE's folder.")
    Path file;

    /** The settings, none without the option. */
    Map<String, String> clientProperties() {
        return file == null ? Map.of() : KafkaClientProperties.load(file);
    }
}
