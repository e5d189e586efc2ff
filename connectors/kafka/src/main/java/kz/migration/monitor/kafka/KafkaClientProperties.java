package kz.migration.monitor.kafka;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads a Kafka client {@code .properties} file (security settings of one principal, such as those
 * {@code deploy/security/generate-secrets.sh} writes) into settings merged into every client a
 * command builds.
 *
 * <p>A relative {@code ssl.truststore.location} or {@code ssl.keystore.location} is resolved
 * against the file's own directory, so one generated directory serves the host and every container
 * it is mounted into, wherever that is.
 */
public final class KafkaClientProperties {

    private static final String[] LOCATIONS = {"ssl.truststore.location", "ssl.keystore.location"};

    private KafkaClientProperties() {}

    /** The file's settings, store locations made absolute; immutable. */
    public static Map<String, String> load(Path file) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Kafka client properties " + file, e);
        }
        Map<String, String> settings = new TreeMap<>();
        props.stringPropertyNames().forEach(k -> settings.put(k, props.getProperty(k).strip()));
        Path dir = file.toAbsolutePath().getParent();
        for (String key : LOCATIONS) {
            String location = settings.get(key);
            if (location != null && !Path.of(location).isAbsolute()) {
                settings.put(key, dir.resolve(location).normalize().toString());
            }
        }
        return Map.copyOf(settings);
    }
}
