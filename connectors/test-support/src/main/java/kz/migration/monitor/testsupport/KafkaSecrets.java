package kz.migration.monitor.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.migration.monitor.kafka.SecretsGenerator;
import org.apache.kafka.common.utils.Utils;

/**
 * Secrets for a secure test broker, written by the product's own {@code
 * deploy/security/generate-secrets.sh} ({@link SecretsGenerator}) into a temporary directory, once
 * per JVM (key generation takes seconds), deleted when the JVM exits.
 */
public final class KafkaSecrets {

    private static Path generated;

    private KafkaSecrets() {}

    /** The directory of generated secrets, generating them on first use. */
    public static synchronized Path generated() {
        if (generated == null) {
            try {
                Path dir = Files.createTempDirectory("kafka-secrets-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                generated = SecretsGenerator.generate(dir);
            } catch (IOException e) {
                throw new AssertionError("cannot create a directory for Kafka secrets", e);
            }
        }
        return generated;
    }

    private static void delete(Path dir) {
        try {
            Utils.delete(dir.toFile());
        } catch (IOException ignored) {
            // a temporary directory; the OS cleans up
        }
    }
}
