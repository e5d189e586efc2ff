package kz.migration.monitor.metrics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * The Flink counters of one domain metric in an operator, one per combination of label values, each
 * registered on first use in a key/value metric group per label (which Flink's Prometheus reporter
 * turns into labels). Counters count per subtask from the start of the task, as Flink's own do;
 * Prometheus' {@code rate()} and {@code increase()} handle the reset after a restart.
 *
 * <p>Create it in {@code open()}; use it from the task thread only.
 */
public final class LabelledCounters {

    private final MetricGroup group;
    private final String name;
    private final List<String> labelNames;
    private final Map<List<String>, Counter> counters = new HashMap<>();

    /**
     * @param group the operator's metric group
     * @param name the Prometheus name, {@code migration_*_total}
     * @param labelNames the labels, in the order their values are given
     */
    public LabelledCounters(MetricGroup group, String name, String... labelNames) {
        this.group = group;
        this.name = name;
        this.labelNames = List.of(labelNames);
    }

    /** Counts one for {@code labelValues}. */
    public void inc(String... labelValues) {
        add(1, labelValues);
    }

    /**
     * Counts {@code n} for {@code labelValues}; a {@code null} value is written as the empty label.
     */
    public void add(long n, String... labelValues) {
        if (labelValues.length != labelNames.size()) {
            throw new IllegalArgumentException(
                    name + " has labels " + labelNames + ", not " + Arrays.toString(labelValues));
        }
        counters.computeIfAbsent(Arrays.asList(labelValues.clone()), this::register).inc(n);
    }

    private Counter register(List<String> labelValues) {
        MetricGroup g = group;
        for (int i = 0; i < labelNames.size(); i++) {
            String value = labelValues.get(i);
            g = g.addGroup(labelNames.get(i), value == null ? "" : value);
        }
        return g.counter(name);
    }
}
