package kz.migration.monitor.cli;

import java.io.IOException;
import java.net.URI;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import kz.migration.monitor.metrics.ReportedMetrics;

/**
 * The demo's live summary, read from the domain metrics on Flink's Prometheus reporter: throughput,
 * people present, active overstays, alerts by type, top cities by net inflow, quota utilisation and
 * relocation.
 */
final class DemoSummary {

    private final URI reporter;
    private double lastEvents;
    private long lastNanos = System.nanoTime();

    /**
     * @param reporter the {@code /metrics} of the MiniCluster's Prometheus reporter
     */
    DemoSummary(URI reporter) {
        this.reporter = reporter;
    }

    String render() throws InterruptedException {
        ReportedMetrics m;
        try {
            m = ReportedMetrics.scrape(reporter);
        } catch (IOException e) {
            // The reporter starts with the cluster; until then there is nothing to show.
            m = ReportedMetrics.parse("");
        }
        long now = System.nanoTime();
        double events = m.sum("migration_events_total");
        double rate = (events - lastEvents) / Math.max(1e-9, (now - lastNanos) / 1e9);
        lastEvents = events;
        lastNanos = now;
        StringBuilder s = new StringBuilder();
        s.append(
                String.format(
                        "events %,.0f (%,.0f/s) | present %,.0f | active overstays %,.0f | dead"
                                + " letters %,.0f | late %,.0f%n",
                        events,
                        rate,
                        m.sum("migration_people_present"),
                        m.sum("migration_overstays_active"),
                        m.sum("migration_dead_letters_total"),
                        m.sum("migration_late_events_total")));
        s.append("  alerts: ").append(byLabel(m, "migration_alerts_total", "type")).append('\n');
        s.append("  net inflow 7d, top cities: ").append(topCities(m)).append('\n');
        s.append("  quota utilisation, top: ").append(topQuotas(m)).append('\n');
        double contracts = m.sum("migration_relocation_contracts_total");
        double returns = m.sum("migration_relocation_returns_total");
        s.append(
                String.format(
                        "  planning: relocation contracts %,.0f, contract breaches %,.0f, settlers"
                                + " returned %,.0f (%.1f%%), inflow surges %,.0f%n",
                        contracts,
                        m.sum("migration_contract_breaches_total"),
                        returns,
                        contracts == 0 ? 0.0 : 100 * returns / contracts,
                        m.sum("migration_alerts_total", "type", "INFLOW_SURGE")));
        return s.toString();
    }

    private static String byLabel(ReportedMetrics m, String name, String label) {
        Map<String, Double> by = new TreeMap<>();
        m.series(name).forEach((labels, value) -> by.merge(labels.get(label), value, Double::sum));
        return by.isEmpty()
                ? "none yet"
                : by.entrySet().stream()
                        .map(e -> e.getKey() + " " + String.format("%,.0f", e.getValue()))
                        .collect(Collectors.joining(", "));
    }

    private static String topCities(ReportedMetrics m) {
        String top =
                m.series("migration_net_inflow").entrySet().stream()
                        .filter(e -> "7d".equals(e.getKey().get("window")))
                        .filter(e -> !e.getKey().getOrDefault("city", "").isEmpty())
                        .sorted(
                                Map.Entry.<Map<String, String>, Double>comparingByValue()
                                        .reversed())
                        .limit(4)
                        .map(
                                e ->
                                        e.getKey().get("city")
                                                + " "
                                                + String.format("%+,.0f", e.getValue()))
                        .collect(Collectors.joining(", "));
        return top.isEmpty() ? "none yet" : top;
    }

    private static String topQuotas(ReportedMetrics m) {
        String top =
                m.series("migration_quota_utilisation_ratio").entrySet().stream()
                        .sorted(
                                Comparator.comparing(
                                                Map.Entry<Map<String, String>, Double>::getValue)
                                        .reversed())
                        .limit(3)
                        .map(
                                e ->
                                        e.getKey().get("region")
                                                + "/"
                                                + e.getKey().get("category")
                                                + " "
                                                + String.format("%.0f%%", 100 * e.getValue()))
                        .collect(Collectors.joining(", "));
        return top.isEmpty() ? "none yet" : top;
    }
}
