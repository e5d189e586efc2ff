package kz.migration.monitor.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code deploy/security/generate-secrets.sh}, packaged in this jar, so {@code demo --secure}
 * and the tests make their secrets exactly as operators do. Needs {@code bash} and the JDK's {@code
 * keytool} on the PATH.
 */
public final class SecretsGenerator {

    private static final String SCRIPT = "generate-secrets.sh";

    private SecretsGenerator() {}

    /** Generates (or completes) the secrets in {@code dir} and returns it. */
    public static Path generate(Path dir) {
        try {
            Files.createDirectories(dir);
            Path script = Files.createTempFile("generate-secrets-", ".sh");
            Path log = Files.createTempFile("generate-secrets-", ".log");
            try (InputStream in = SecretsGenerator.class.getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IllegalStateException(SCRIPT + " is missing from the jar");
                }
                Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Process p =
                    new ProcessBuilder("bash", script.toString(), dir.toString())
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start();
            try {
                if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    throw new IllegalStateException(
                            SCRIPT + " failed: " + Files.readString(log, StandardCharsets.UTF_8));
                }
            } finally {
                p.destroyForcibly();
                Files.deleteIfExists(script);
                Files.deleteIfExists(log);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot generate Kafka secrets in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted generating Kafka secrets", e);
        }
    }
}
