package kz.migration.monitor.metrics;

import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;

/**
 * The gauge changes an operator in a harness sent, read back as {@link DomainGauges} reads them.
 */
public final class GaugeChanges {

    private GaugeChanges() {}

    /** Each series' value after applying, from zero, the changes sent so far. */
    public static Map<String, Double> applied(AbstractStreamOperatorTestHarness<?> harness) {
        Map<String, Double> values = new TreeMap<>();
        var changes = harness.getSideOutput(DomainGauges.CHANGES);
        if (changes != null) {
            for (StreamRecord<GaugeChange> r : changes) {
                GaugeChange c = r.getValue();
                String series = c.series().toString();
                values.put(series, c.applyTo(values.getOrDefault(series, 0.0)));
            }
        }
        return values;
    }
}
