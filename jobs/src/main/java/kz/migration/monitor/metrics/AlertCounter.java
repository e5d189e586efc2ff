package kz.migration.monitor.metrics;

import kz.migration.monitor.event.Alert;
import org.apache.flink.metrics.MetricGroup;

/** {@code migration_alerts_total{type, severity}}: the alerts an operator raised. */
public final class AlertCounter {

    private final LabelledCounters counters;

    /** Create it in {@code open()}, on the operator's metric group. */
    public AlertCounter(MetricGroup group) {
        this.counters = new LabelledCounters(group, "migration_alerts_total", "type", "severity");
    }

    public void count(Alert a) {
        counters.inc(a.type().name(), a.severity().name());
    }
}
