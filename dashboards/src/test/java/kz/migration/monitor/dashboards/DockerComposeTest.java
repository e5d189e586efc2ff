package kz.migration.monitor.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kz.migration.monitor.testsupport.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validates the root docker-compose.yml with docker-compose itself (no Docker engine needed). */
class DockerComposeTest {

    @TempDir Path work;

    /** The settings a user passes: the pseudonym key, which compose has no default for. */
    private String envFile() throws IOException {
        return Files.writeString(
                        work.resolve("monitor.env"), "MONITOR_PSEUDONYM_KEY=compose-test-key\n")
                .toString();
    }

    private String compose(String... args) throws IOException {
        List<String> all =
                new java.util.ArrayList<>(
                        List.of("--env-file", envFile(), "-f", "docker-compose.yml"));
        all.addAll(List.of(args));
        return Tools.check(Tools.repoRoot(), "docker-compose", all.toArray(String[]::new));
    }

    @Test
    void composeFileIsValid() throws IOException {
        compose("config", "-q");
    }

    @Test
    void composeHasTheWholeStack() throws IOException {
        assertThat(compose("config", "--services").lines().map(String::strip).toList())
                .contains(
                        "kafka",
                        "kafka-init",
                        "jobmanager",
                        "taskmanager",
                        "job-submit",
                        "generator",
                        "alert-forwarder",
                        "prometheus",
                        "alertmanager",
                        "grafana");
    }

    @Test
    void thePseudonymKeyHasNoDefault() throws Exception {
        ProcessBuilder pb =
                new ProcessBuilder(
                                ExternalTools.require("docker-compose").toString(),
                                "-f",
                                "docker-compose.yml",
                                "config",
                                "-q")
                        .directory(Tools.repoRoot().toFile())
                        .redirectErrorStream(true);
        pb.environment().remove("MONITOR_PSEUDONYM_KEY");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isNotZero();
        assertThat(out).contains("set MONITOR_PSEUDONYM_KEY");
    }

    @Test
    void grafanaHasNoAnonymousAccessAndAGeneratedAdminPassword() throws IOException {
        JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(compose("config"));
        JsonNode grafana = config.path("services").path("grafana");
        JsonNode env = grafana.path("environment");
        assertThat(env.path("GF_AUTH_ANONYMOUS_ENABLED").asText()).isEqualTo("false");
        assertThat(env.path("GF_USERS_ALLOW_SIGN_UP").asText()).isEqualTo("false");
        assertThat(env.has("GF_SECURITY_ADMIN_PASSWORD"))
                .as("a password in the compose file")
                .isFalse();
        assertThat(env.path("GF_SECURITY_ADMIN_PASSWORD__FILE").asText())
                .isEqualTo("/run/secrets/grafana_admin_password");
        Path secret =
                Path.of(
                        config.path("secrets")
                                .path("grafana_admin_password")
                                .path("file")
                                .asText());
        Path generated = Tools.repoRoot().resolve("deploy/security/generated");
        assertThat(secret.normalize()).startsWithRaw(generated);
        String ignored =
                Files.readString(Tools.repoRoot().resolve(".gitignore"), StandardCharsets.UTF_8);
        assertThat(ignored.lines()).contains("/deploy/security/generated/");
    }
}
