package kz.migration.monitor.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The job's domain gauges (people present, active overstays and permits, quota limits and
 * utilisation, net inflow): one Flink gauge per {@link GaugeSeries}, registered in this operator's
 * metric group with a key/value group per label, and reported by Flink's metric reporters.
 *
 * <p>The operators that know the figures send {@link GaugeChange}s on the side output {@link
 * #CHANGES}; this operator, with parallelism and max parallelism 1, applies them and keeps every
 * series' value in operator state. That state is snapshotted at the same checkpoint barrier as the
 * keyed state of the operators that sent the changes: every change sent before the barrier has been
 * applied, none sent after it. So after a restore the gauges read exactly the values at the
 * checkpoint, and the operators, reprocessing from there, send only the changes that follow it.
 * Restored series are registered again in {@link #initializeState}, before any input.
 */
public final class DomainGauges extends ProcessFunction<GaugeChange, Void>
        implements CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    /** The side output on which operators send their gauge changes. */
    public static final OutputTag<GaugeChange> CHANGES =
            new OutputTag<>("gauge-changes", GaugeChangeSerializer.TYPE);

    /** Read by the reporter's thread while the task thread writes. */
    private transient Map<GaugeSeries, Double> values;

    /** Each series' value, as the change that sets it. */
    private transient ListState<GaugeChange> state;

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        state =
                context.getOperatorStateStore()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "gauge-values", GaugeChangeSerializer.TYPE));
        values = new ConcurrentHashMap<>();
        for (GaugeChange restored : state.get()) {
            values.put(restored.series(), restored.applyTo(0));
        }
        values.keySet().forEach(this::register);
    }

    @Override
    public void processElement(GaugeChange change, Context ctx, Collector<Void> out) {
        Double current = values.get(change.series());
        values.put(change.series(), change.applyTo(current == null ? 0 : current));
        if (current == null) {
            register(change.series());
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        List<GaugeChange> snapshot = new ArrayList<>(values.size());
        values.forEach((series, value) -> snapshot.add(GaugeChange.set(series, value)));
        state.update(snapshot);
    }

    private void register(GaugeSeries series) {
        MetricGroup group = getRuntimeContext().getMetricGroup();
        for (GaugeSeries.Label label : series.labels()) {
            group = group.addGroup(label.name(), label.value());
        }
        group.gauge(series.name(), (Gauge<Double>) () -> values.get(series));
    }
}
