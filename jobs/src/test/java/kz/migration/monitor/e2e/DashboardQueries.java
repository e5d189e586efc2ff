package kz.migration.monitor.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every {@code targets[].expr} of every panel (rows' nested panels included) of the Grafana
 * dashboards, with Grafana's variables replaced by concrete values so that Prometheus can run them
 * as they are.
 */
final class DashboardQueries {

    /** One panel query, ready for Prometheus. */
    record Query(String dashboard, String panel, String expr) {
        @Override
        public String toString() {
            return dashboard + " / " + panel + ": " + expr;
        }
    }

    // Grafana's built-in interval variables. The test scrapes every second, so a minute holds
    // plenty of samples for rate(); $__range is the dashboard's default time range.
    private static final Map<String, String> BUILT_INS =
            Map.of(
                    "__rate_interval", "1m",
                    "__interval", "15s",
                    "__interval_ms", "15000",
                    "__range", "1h",
                    "__range_s", "3600",
                    "__range_ms", "3600000");

    // $name, ${name}, ${name:format} and [[name]]
    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\$(\\w+)|\\[\\[(\\w+)]]");

    private static final ObjectMapper JSON = new ObjectMapper();

    private DashboardQueries() {}

    /** The queries of every {@code *.json} dashboard in {@code dir}. */
    static List<Query> of(Path dir) {
        List<Query> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = JSON.readTree(file.toFile());
                Map<String, String> variables = new HashMap<>(BUILT_INS);
                for (JsonNode v : dashboard.path("templating").path("list")) {
                    variables.put(v.path("name").asText(), valueOf(v));
                }
                collect(file.getFileName().toString(), dashboard.path("panels"), variables, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void collect(
            String dashboard, JsonNode panels, Map<String, String> variables, List<Query> out) {
        for (JsonNode panel : panels) {
            collect(dashboard, panel.path("panels"), variables, out);
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText("");
                if (!expr.isBlank()) {
                    out.add(
                            new Query(
                                    dashboard,
                                    panel.path("title").asText(),
                                    substitute(expr, variables)));
                }
            }
        }
    }

    /**
     * A template variable's current value; "All" (or none) becomes {@code .*}, which matches every
     * value in the regex matchers Grafana expects multi-value variables in.
     */
    private static String valueOf(JsonNode variable) {
        JsonNode current = variable.path("current").path("value");
        String value =
                current.isArray()
                        ? (current.isEmpty() ? "" : current.get(0).asText())
                        : current.asText("");
        return value.isEmpty() || value.equals("$__all") || value.equals("All") ? ".*" : value;
    }

    static String substitute(String expr, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name =
                    m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            // Like Grafana, leave what is no variable alone (e.g. label_replace's "$1").
            String value = variables.getOrDefault(name, m.group());
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
