package kz.migration.monitor.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lints the Grafana dashboards and the Prometheus rules against the metric contract ({@code
 * dashboards/metrics.txt}): a dashboard that queries a name the job does not expose shows "No data"
 * forever, which nobody notices until an incident.
 */
class DashboardLintTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RECORD = Pattern.compile("(?m)^\\s*-\\s*record:\\s*(\\S+)\\s*$");
    private static final Pattern RULE_EXPR =
            Pattern.compile(
                    "(?m)^(\\s*)expr:\\s*(\\|[-+]?\\s*\\n((?:\\1\\s+.*\\n|\\s*\\n)*)|(.+))$");
    private static final List<String> DASHBOARDS =
            List.of("duty-officers.json", "security-services.json", "planners.json");

    private final Path module = Tools.module();

    @Test
    void dashboardsAreValidAndEveryPanelQueriesPrometheus() throws IOException {
        Set<String> uids = new HashSet<>();
        for (String file : DASHBOARDS) {
            JsonNode dashboard = read(file);
            assertThat(dashboard.path("title").asText()).as(file + " title").isNotBlank();
            assertThat(uids.add(dashboard.path("uid").asText()))
                    .as(file + " has a unique uid")
                    .isTrue();
            List<JsonNode> panels = panels(dashboard);
            assertThat(panels).as(file + " panels").isNotEmpty();
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : panels) {
                String where = file + " panel '" + panel.path("title").asText() + "'";
                assertThat(panel.path("title").asText()).as(where + " title").isNotBlank();
                assertThat(ids.add(panel.path("id").asInt()))
                        .as(where + " has a unique id")
                        .isTrue();
                assertThat(panel.path("datasource").path("uid").asText())
                        .as(where + " datasource")
                        .isEqualTo("prometheus");
                assertThat(panel.path("gridPos").path("w").asInt())
                        .as(where + " width")
                        .isBetween(1, 24);
                JsonNode targets = panel.path("targets");
                assertThat(targets.isArray() && targets.size() > 0)
                        .as(where + " has targets")
                        .isTrue();
                for (JsonNode target : targets) {
                    assertThat(target.path("expr").asText()).as(where + " expr").isNotBlank();
                    assertThat(target.path("refId").asText()).as(where + " refId").isNotBlank();
                }
            }
        }
    }

    @Test
    void datasourceUidMatchesThePanels() throws IOException {
        String provisioning =
                Files.readString(module.resolve("grafana/provisioning/datasources/prometheus.yml"));
        assertThat(provisioning).contains("uid: prometheus").contains("type: prometheus");
        String providers =
                Files.readString(module.resolve("grafana/provisioning/dashboards/dashboards.yml"));
        assertThat(providers).contains("path: /var/lib/grafana/dashboards");
    }

    @Test
    void dashboardsUseOnlyDocumentedMetricsAndRecordingRules() throws IOException {
        Set<String> allowed = new HashSet<>(documentedMetrics());
        allowed.addAll(recordingRules());
        Map<String, Set<String>> unknown = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : dashboardExprs().entrySet()) {
            Set<String> names = PromQlNames.metricNames(e.getValue());
            assertThat(names).as(e.getKey() + " reads at least one metric").isNotEmpty();
            Set<String> bad = new LinkedHashSet<>(names);
            bad.removeAll(allowed);
            if (!bad.isEmpty()) {
                unknown.put(e.getKey() + ": " + e.getValue(), bad);
            }
        }
        assertThat(unknown)
                .as("metric names outside metrics.txt and the recording rules")
                .isEmpty();
    }

    @Test
    void rulesUseOnlyDocumentedMetricsAndRecordingRules() throws IOException {
        Set<String> allowed = new HashSet<>(documentedMetrics());
        allowed.addAll(recordingRules());
        for (String file : List.of("recording.yml", "alerts.yml")) {
            for (String expr : ruleExprs(module.resolve("prometheus/rules/" + file))) {
                assertThat(PromQlNames.metricNames(expr))
                        .as(file + ": " + expr)
                        .isSubsetOf(allowed);
            }
        }
    }

    @Test
    void everyDashboardExpressionParses(@TempDir Path tmp) throws IOException {
        // promtool has no "parse this expression" command, so every panel query becomes a
        // recording rule in a throwaway file and `promtool check rules` parses them all.
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-exprs\n    rules:\n");
        int n = 0;
        for (String expr : dashboardExprs().values()) {
            rules.append("      - record: dashboard_expr_")
                    .append(n++)
                    .append('\n')
                    .append("        expr: ")
                    .append(JSON.writeValueAsString(expr))
                    .append('\n');
        }
        Path file = tmp.resolve("dashboard-exprs.yml");
        Files.writeString(file, rules);
        String out = Tools.check(tmp, "promtool", "check", "rules", "--lint=none", file.toString());
        assertThat(out).contains("SUCCESS: " + n + " rules found");
    }

    @Test
    void dashboardsCoverTheirAudiences() throws IOException {
        String duty = Files.readString(module.resolve("grafana/dashboards/duty-officers.json"));
        assertThat(duty)
                .contains(
                        "migration_crossings",
                        "migration_people_present",
                        "migration_alerts",
                        "flink_jobmanager_numRunningJobs",
                        "records_lag_max",
                        "BANNED_ENTRY",
                        "PERMIT_OUTSIDE_SHORTAGE");
        String security =
                Files.readString(module.resolve("grafana/dashboards/security-services.json"));
        assertThat(security)
                .contains(
                        "migration_overstays_active",
                        "UNAUTHORISED_EMPLOYMENT",
                        "QUOTA_BREACH",
                        "BANNED_ENTRY",
                        "PERMIT_OUTSIDE_SHORTAGE");
        String planners = Files.readString(module.resolve("grafana/dashboards/planners.json"));
        assertThat(planners)
                .contains(
                        "KZ-71",
                        "KZ-75",
                        "KZ-79",
                        "window=\\\"1d\\\"",
                        "window=\\\"7d\\\"",
                        "window=\\\"30d\\\"",
                        "from_region",
                        "migration_contract_breaches_total",
                        "migration_relocation_return",
                        "migration_quota_utilisation_ratio");
    }

    @Test
    void metricNameExtractionSeesThroughPromQl() {
        assertThat(
                        PromQlNames.metricNames(
                                "topk(10, sum by (from_region)"
                                    + " (increase(migration_residence_moves_total{to_region=~\"KZ-71|KZ-75\"}[30d])))"))
                .containsExactly("migration_residence_moves_total");
        assertThat(
                        PromQlNames.metricNames(
                                "a:b:c > on (region) group_left x_total offset 5m * 1e3 and"
                                        + " rate(y[$__rate_interval])"))
                .containsExactly("a:b:c", "x_total", "y");
    }

    private JsonNode read(String file) throws IOException {
        try {
            return JSON.readTree(module.resolve("grafana/dashboards/" + file).toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return fail(file + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Non-row panels, including those nested in collapsed rows. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if ("row".equals(panel.path("type").asText())) {
                panel.path("panels").forEach(out::add);
            } else {
                out.add(panel);
            }
        }
        return out;
    }

    private Map<String, String> dashboardExprs() throws IOException {
        Map<String, String> exprs = new LinkedHashMap<>();
        for (String file : DASHBOARDS) {
            for (JsonNode panel : panels(read(file))) {
                for (JsonNode target : panel.path("targets")) {
                    exprs.put(
                            file
                                    + " / "
                                    + panel.path("title").asText()
                                    + " / "
                                    + target.path("refId").asText(),
                            target.path("expr").asText());
                }
            }
        }
        return exprs;
    }

    private Set<String> documentedMetrics() throws IOException {
        try (Stream<String> lines = Files.lines(module.resolve("metrics.txt"))) {
            Set<String> names = new LinkedHashSet<>();
            lines.map(l -> l.replaceFirst("#.*", "").strip())
                    .filter(l -> !l.isEmpty())
                    .forEach(l -> names.add(l.split("\\s+")[0]));
            return names;
        }
    }

    private Set<String> recordingRules() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        Matcher m =
                RECORD.matcher(Files.readString(module.resolve("prometheus/rules/recording.yml")));
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(names).as("recording rules").isNotEmpty();
        return names;
    }

    private static List<String> ruleExprs(Path file) throws IOException {
        List<String> exprs = new ArrayList<>();
        Matcher m = RULE_EXPR.matcher(Files.readString(file) + "\n");
        while (m.find()) {
            exprs.add(m.group(3) != null ? m.group(3) : m.group(4));
        }
        long declared =
                Files.readAllLines(file).stream()
                        .filter(l -> l.strip().startsWith("expr:"))
                        .count();
        assertThat(exprs).as(file + " expressions").isNotEmpty().hasSize((int) declared);
        exprs.forEach(e -> assertThat(e).as(file + " expression").isNotBlank());
        return exprs;
    }
}
