package kz.migration.monitor.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Checks the Prometheus configuration and rules with the real promtool. */
class PrometheusConfigTest {

    private final Path prometheus = Tools.module().resolve("prometheus");

    @Test
    void localConfigIsValid() {
        String out = Tools.check(prometheus, "promtool", "check", "config", "prometheus.yml");
        assertThat(out).contains("SUCCESS: 2 rule files found");
    }

    @Test
    void composeConfigIsValid() {
        Tools.check(prometheus, "promtool", "check", "config", "prometheus-compose.yml");
    }

    @Test
    void rulesAreValidAndLintClean() {
        // promtool's default lint level fails on duplicate rules, which would record flapping
        // series.
        String out =
                Tools.check(
                        prometheus,
                        "promtool",
                        "check",
                        "rules",
                        "rules/recording.yml",
                        "rules/alerts.yml");
        assertThat(out).doesNotContain("FAILED");
    }

    @Test
    void ruleUnitTestsPass() {
        String out =
                Tools.check(
                        prometheus.resolve("tests"),
                        "promtool",
                        "test",
                        "rules",
                        "alerts_test.yml",
                        "recording_test.yml");
        assertThat(out).contains("SUCCESS").doesNotContain("FAILED");
    }
}
