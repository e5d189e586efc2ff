package kz.migration.monitor.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.utils.Utils;

/**
 * Secrets for a secure test broker, written by the product's own {@code
 * deploy/security/generate-secrets.sh} (so the tests exercise the script operators run) into a
 * temporary directory, once per JVM, deleted when the JVM exits.
 */
public final class KafkaSecrets {

    private static Path generated;

    private KafkaSecrets() {}

    /** The directory of generated secrets, generating them on first use. */
    public static synchronized Path generated() {
        if (generated == null) {
            generated = generate();
        }
        return generated;
    }

    private static Path generate() {
        try {
            Path dir = Files.createTempDirectory("kafka-secrets-");
            Path script = ExternalTools.repoRoot().resolve("deploy/security/generate-secrets.sh");
            Path log = Files.createTempFile("generate-secrets-", ".log");
            Process p =
                    new ProcessBuilder("bash", script.toString(), dir.toString())
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start();
            try {
                if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    throw new AssertionError(
                            "generate-secrets.sh failed: "
                                    + Files.readString(log, StandardCharsets.UTF_8));
                }
            } finally {
                p.destroyForcibly();
                Files.deleteIfExists(log);
            }
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        try {
                                            Utils.delete(dir.toFile());
                                        } catch (IOException ignored) {
                                            // a temporary directory; the OS cleans up
                                        }
                                    }));
            return dir;
        } catch (IOException e) {
            throw new AssertionError("cannot generate Kafka secrets", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted generating Kafka secrets", e);
        }
    }
}
