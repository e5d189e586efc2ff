package kz.migration.monitor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gauge operator: changes move the Flink gauges, one per series, and a restore from a snapshot
 * brings back exactly the values at the snapshot, registered before any input.
 */
class DomainGaugesTest {

    private static final GaugeSeries PRESENT_CIS =
            GaugeSeries.of("migration_people_present", "group", "CIS");
    private static final GaugeSeries PRESENT_OTHER =
            GaugeSeries.of("migration_people_present", "group", "OTHER");
    private static final GaugeSeries ASTANA_7D =
            GaugeSeries.of(
                    "migration_net_inflow", "region", "KZ-71", "city", "Astana", "window", "7d");
    private static final GaugeSeries REGION_7D =
            GaugeSeries.of("migration_net_inflow", "region", "KZ-71", "city", "", "window", "7d");

    private final List<OneInputStreamOperatorTestHarness<GaugeChange, Void>> harnesses =
            new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (var h : harnesses) {
            h.close();
        }
    }

    private OneInputStreamOperatorTestHarness<GaugeChange, Void> harness(RegisteredMetrics metrics)
            throws Exception {
        var h =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(new DomainGauges()),
                        GaugeChangeSerializer.INSTANCE,
                        metrics.environment());
        harnesses.add(h);
        return h;
    }

    private static void send(
            OneInputStreamOperatorTestHarness<GaugeChange, Void> h, GaugeChange... changes)
            throws Exception {
        for (GaugeChange c : changes) {
            h.processElement(c, 0);
        }
    }

    @Test
    void changesMoveOneGaugePerSeriesWithItsLabels() throws Exception {
        RegisteredMetrics metrics = new RegisteredMetrics();
        var h = harness(metrics);
        h.open();
        send(
                h,
                GaugeChange.add(PRESENT_CIS, 1),
                GaugeChange.add(PRESENT_CIS, 1),
                GaugeChange.add(PRESENT_OTHER, 1),
                GaugeChange.add(PRESENT_CIS, -1),
                GaugeChange.set(ASTANA_7D, 12),
                GaugeChange.set(ASTANA_7D, -3),
                GaugeChange.set(REGION_7D, 40));

        assertThat(metrics.gauges("migration_people_present"))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(Map.of("group", "CIS"), 1.0, Map.of("group", "OTHER"), 1.0));
        assertThat(metrics.gauges("migration_net_inflow"))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                Map.of("region", "KZ-71", "city", "Astana", "window", "7d"),
                                -3.0,
                                Map.of("region", "KZ-71", "city", "", "window", "7d"),
                                40.0));
        assertThat(h.extractOutputValues()).isEmpty();
    }

    @Test
    void aRestoreReadsTheValuesAtTheSnapshotBeforeAnyInput() throws Exception {
        var before = harness(new RegisteredMetrics());
        before.open();
        send(
                before,
                GaugeChange.add(PRESENT_CIS, 1),
                GaugeChange.add(PRESENT_CIS, 1),
                GaugeChange.add(PRESENT_OTHER, 1),
                GaugeChange.set(ASTANA_7D, 12));
        OperatorSubtaskState snapshot = before.snapshot(1, 100);
        // After the barrier: not in the snapshot, sent again after a restore.
        send(before, GaugeChange.add(PRESENT_CIS, 5), GaugeChange.set(ASTANA_7D, 99));

        RegisteredMetrics metrics = new RegisteredMetrics();
        var after = harness(metrics);
        after.initializeState(snapshot);
        after.open();

        assertThat(metrics.gauges("migration_people_present"))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(Map.of("group", "CIS"), 2.0, Map.of("group", "OTHER"), 1.0));
        assertThat(metrics.gauges("migration_net_inflow"))
                .containsExactlyEntriesOf(
                        Map.of(Map.of("region", "KZ-71", "city", "Astana", "window", "7d"), 12.0));

        send(after, GaugeChange.add(PRESENT_CIS, -1));
        assertThat(metrics.gauges("migration_people_present"))
                .containsEntry(Map.of("group", "CIS"), 1.0);
    }

    @Test
    void theStateHoldsEachSeriesOnceWithItsValue() throws Exception {
        var h = harness(new RegisteredMetrics());
        h.open();
        send(
                h,
                GaugeChange.add(PRESENT_CIS, 1),
                GaugeChange.add(PRESENT_CIS, 1),
                GaugeChange.add(PRESENT_CIS, -1),
                GaugeChange.set(ASTANA_7D, 12),
                GaugeChange.set(ASTANA_7D, 7));
        h.snapshot(1, 100);

        List<GaugeChange> state = new ArrayList<>();
        h.getOperator()
                .getOperatorStateBackend()
                .getListState(new ListStateDescriptor<>("gauge-values", GaugeChangeSerializer.TYPE))
                .get()
                .forEach(state::add);
        assertThat(state)
                .containsExactlyInAnyOrder(
                        GaugeChange.set(PRESENT_CIS, 1), GaugeChange.set(ASTANA_7D, 7));
    }
}
