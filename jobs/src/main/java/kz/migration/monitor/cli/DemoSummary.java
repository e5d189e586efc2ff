package kz.migration.monitor.cli;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import kz.migration.monitor.event.AlertType;
import kz.migration.monitor.event.Audience;

/**
 * The demo's live summary, read from the domain metrics: throughput, people present, active
 * overstays, alerts by audience and type (every type of the contract, overstays by tier), top
 * cities by net inflow, quota utilisation and relocation.
 */
final class DemoSummary {

    private final MeterRegistry registry;
    private double lastEvents;
    private long lastNanos = System.nanoTime();

    DemoSummary(MeterRegistry registry) {
        this.registry = registry;
    }

    String render() {
        long now = System.nanoTime();
        double events = counters("migration_events");
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
                        gauges("migration_people_present"),
                        gauges("migration_overstays_active"),
                        counters("migration_dead_letters"),
                        counters("migration_late_events")));
        for (Audience audience : Audience.values()) {
            s.append("  alerts for ")
                    .append(audience.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append(": ")
                    .append(alerts(audience))
                    .append('\n');
        }
        s.append("  net inflow 7d, top cities: ").append(topCities()).append('\n');
        s.append("  quota utilisation, top: ").append(topQuotas()).append('\n');
        double contracts = counters("migration_relocation_contracts");
        double returns = counters("migration_relocation_returns");
        s.append(
                String.format(
                        "  planning: relocation contracts %,.0f, contract breaches %,.0f, settlers"
                                + " returned %,.0f (%.1f%%), inflow surges %,.0f%n",
                        contracts,
                        counters("migration_contract_breaches"),
                        returns,
                        contracts == 0 ? 0.0 : 100 * returns / contracts,
                        alertsOf("INFLOW_SURGE")));
        return s.toString();
    }

    private double counters(String name) {
        return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    private double alertsOf(String type) {
        return registry.find("migration_alerts").tag("type", type).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    /** Every alert type of the audience, in contract order, zeros included; overstays by tier. */
    private String alerts(Audience audience) {
        StringJoiner line = new StringJoiner(", ");
        for (AlertType type : AlertType.values()) {
            if (type.audience() != audience) {
                continue;
            }
            double n = alertsOf(type.name());
            String text = type + " " + String.format("%,.0f", n);
            if (type == AlertType.OVERSTAY && n > 0) {
                StringJoiner tiers = new StringJoiner(" / ", " (", ")");
                for (String severity : List.of("WARNING", "MAJOR", "CRITICAL")) {
                    double tier =
                            registry
                                    .find("migration_alerts")
                                    .tag("type", type.name())
                                    .tag("severity", severity)
                                    .counters()
                                    .stream()
                                    .mapToDouble(Counter::count)
                                    .sum();
                    tiers.add(severity + " " + String.format("%,.0f", tier));
                }
                text += tiers;
            }
            line.add(text);
        }
        return line.toString();
    }

    private double gauges(String name) {
        return registry.find(name).gauges().stream().mapToDouble(Gauge::value).sum();
    }

    private String topCities() {
        List<Gauge> cities =
                registry.find("migration_net_inflow").tag("window", "7d").gauges().stream()
                        .filter(g -> !g.getId().getTag("city").isEmpty())
                        .sorted(Comparator.comparingDouble(Gauge::value).reversed())
                        .limit(4)
                        .toList();
        return cities.isEmpty()
                ? "none yet"
                : cities.stream()
                        .map(
                                g ->
                                        g.getId().getTag("city")
                                                + " "
                                                + String.format("%+,.0f", g.value()))
                        .collect(Collectors.joining(", "));
    }

    private String topQuotas() {
        List<Gauge> quotas =
                registry.find("migration_quota_utilisation_ratio").gauges().stream()
                        .sorted(Comparator.comparingDouble(Gauge::value).reversed())
                        .limit(3)
                        .toList();
        return quotas.isEmpty()
                ? "none yet"
                : quotas.stream()
                        .map(g -> label(g) + " " + String.format("%.0f%%", 100 * g.value()))
                        .collect(Collectors.joining(", "));
    }

    private static String label(Meter m) {
        return m.getId().getTag("region") + "/" + m.getId().getTag("category");
    }
}
