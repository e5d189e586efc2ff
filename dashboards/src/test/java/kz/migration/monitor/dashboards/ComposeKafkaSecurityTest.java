package kz.migration.monitor.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose stack's Kafka is reachable only over TLS with a login, every client of it logs in as
 * its own principal, and the secrets come from the generated directory, never from the repository.
 */
class ComposeKafkaSecurityTest {

    private static final String SECRETS = "deploy/security/generated";

    private static JsonNode services;
    private static Properties broker;

    @BeforeAll
    static void load(@TempDir Path work) throws Exception {
        // The pseudonym key has no default; any value resolves the file.
        Path env =
                Files.writeString(
                        work.resolve("monitor.env"), "MONITOR_PSEUDONYM_KEY=compose-test-key\n");
        String resolved =
                Tools.check(
                        Tools.repoRoot(),
                        "docker-compose",
                        "--env-file",
                        env.toString(),
                        "-f",
                        "docker-compose.yml",
                        "config");
        services = new ObjectMapper(new YAMLFactory()).readTree(resolved).path("services");
        broker = new Properties();
        try (Reader in =
                Files.newBufferedReader(
                        Tools.repoRoot().resolve("deploy/security/kafka-server.properties"))) {
            broker.load(in);
        }
    }

    @Test
    void theBrokerHasNoPlaintextListener() {
        Map<String, String> protocols =
                Arrays.stream(broker.getProperty("listener.security.protocol.map").split(","))
                        .map(e -> e.split(":"))
                        .collect(Collectors.toMap(e -> e[0].strip(), e -> e[1].strip()));
        List<String> listeners =
                Arrays.stream(broker.getProperty("listeners").split(","))
                        .map(l -> l.substring(0, l.indexOf(':')).strip())
                        .toList();
        assertThat(listeners).containsExactlyInAnyOrder("INTERNAL", "CONTROLLER", "EXTERNAL");
        for (String listener : listeners) {
            assertThat(protocols.get(listener))
                    .as(listener)
                    .isEqualTo(listener.equals("CONTROLLER") ? "SSL" : "SASL_SSL");
        }
        // The controller listener takes no logins: only the broker's own certificate.
        assertThat(broker.getProperty("listener.name.controller.ssl.client.auth"))
                .isEqualTo("required");
        assertThat(broker.getProperty("sasl.enabled.mechanisms")).isEqualTo("SCRAM-SHA-512");
        assertThat(broker.getProperty("authorizer.class.name"))
                .isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        assertThat(broker.getProperty("allow.everyone.if.no.acl.found")).isEqualTo("false");
        assertThat(broker.getProperty("super.users")).isEqualTo("User:admin;User:CN=kafka");
        // No password in the committed file: they come from the generated secrets.
        assertThat(broker.stringPropertyNames()).noneMatch(k -> k.contains("password"));
        assertThat(broker.stringPropertyNames()).noneMatch(k -> k.contains("jaas"));
    }

    @Test
    void theKafkaServiceRunsTheCommittedConfigurationOnly() {
        JsonNode kafka = services.path("kafka");
        // KAFKA_* variables would make the image write a configuration of its own.
        List<String> env = new ArrayList<>();
        kafka.path("environment").fieldNames().forEachRemaining(env::add);
        assertThat(env).containsExactly("KAFKA_CLUSTER_ID");
        String command = kafka.path("command").toString();
        assertThat(command)
                .contains("kafka-server-start.sh")
                .contains("/etc/monitor/server.properties")
                .contains("--add-scram");
        assertThat(mounts(kafka))
                .anyMatch(
                        m ->
                                m.endsWith(
                                        "deploy/security/kafka-server.properties:/etc/monitor/server.properties:ro"));
        // Only the SASL_SSL listener for the host; the controller port stays inside.
        assertThat(kafka.path("ports").toString()).contains("29092").doesNotContain("9093");
        assertThat(services.toString()).doesNotContain("PLAINTEXT");
    }

    @Test
    void everyKafkaClientLogsInAsItsOwnPrincipal() {
        assertThat(command("job-submit"))
                .contains("--kafka-properties /secrets/monitor.properties");
        assertThat(command("alert-forwarder"))
                .contains("--kafka-properties /secrets/forwarder.properties");
        // The generator writes each input as that input's producer (border-control, ...).
        assertThat(command("generator")).contains("--kafka-secrets /secrets");
        String init = command("kafka-init");
        assertThat(init).contains("kz.migration.monitor.kafka.MonitorAcls kafka:9092 /secrets");
        assertThat(init.lines().filter(l -> l.contains("--bootstrap-server")).toList())
                .isNotEmpty()
                .allMatch(l -> l.contains("--command-config admin.properties"));
        assertThat(services.path("kafka").path("healthcheck").toString())
                .contains("--command-config admin.properties");
    }

    @Test
    void secretsComeFromTheGeneratedDirectoryReadOnly() throws Exception {
        Path generated = Tools.repoRoot().resolve(SECRETS);
        for (String service :
                List.of(
                        "kafka",
                        "kafka-init",
                        "jobmanager",
                        "taskmanager",
                        "job-submit",
                        "generator",
                        "alert-forwarder")) {
            assertThat(mounts(services.path(service)))
                    .as(service)
                    .contains(generated + ":/secrets:ro");
        }
        // Never committed: git ignores the directory.
        String ignored =
                Tools.check(Tools.repoRoot(), "git", "check-ignore", SECRETS + "/admin.properties");
        assertThat(ignored.strip()).isEqualTo(SECRETS + "/admin.properties");
    }

    private static String command(String service) {
        JsonNode command = services.path(service).path("command");
        List<String> parts = new ArrayList<>();
        command.forEach(p -> parts.add(p.asText()));
        return command.isArray() ? String.join(" ", parts) : command.asText();
    }

    private static List<String> mounts(JsonNode service) {
        List<String> mounts = new ArrayList<>();
        service.path("volumes").forEach(v -> mounts.add(v.asText()));
        return mounts;
    }
}
