package kz.migration.monitor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the domain metrics back from the text Flink's Prometheus reporter serves. */
class ReportedMetricsTest {

    /** As the reporter writes them (labels in its order, a trailing comma), two subtasks. */
    private static final String EXPOSITION =
            """
            # HELP flink_taskmanager_job_task_operator_stream_migration_events_total migration_events_total (scope: taskmanager_job_task_operator_stream)
            # TYPE flink_taskmanager_job_task_operator_stream_migration_events_total gauge
            flink_taskmanager_job_task_operator_stream_migration_events_total{task_attempt_id="a_0_0",host="",task_attempt_num="0",stream="border-crossings",tm_id="tm",job_id="j",task_id="t",operator_id="o",operator_name="Split dead letters and late events",task_name="Source: border-crossings -> Split",job_name="migration-monitor",subtask_index="0",} 120.0
            flink_taskmanager_job_task_operator_stream_migration_events_total{task_attempt_id="a_1_0",host="",task_attempt_num="0",stream="border-crossings",tm_id="tm",job_id="j",task_id="t",operator_id="o",operator_name="Split dead letters and late events",task_name="Source: border-crossings -> Split",job_name="migration-monitor",subtask_index="1",} 80.0
            flink_taskmanager_job_task_operator_stream_migration_events_total{task_attempt_id="a_1_0",host="",task_attempt_num="0",stream="registrations",tm_id="tm",job_id="j",task_id="t",operator_id="o",operator_name="Split dead letters and late events",task_name="Source: registrations -> Split",job_name="migration-monitor",subtask_index="1",} 5.0
            flink_taskmanager_job_task_operator_migration_unmatched_exits_total{task_attempt_id="p_0_0",host="",subtask_index="0",} 2.0
            flink_taskmanager_job_task_operator_region_city_window_migration_net_inflow{region="KZ-63",city="Ust-Kamenogorsk \\"Oskemen\\"",window="7d",operator_name="Domain gauges",subtask_index="0",} -4.0
            flink_taskmanager_job_task_operator_region_city_window_migration_net_inflow{region="KZ-63",city="",window="7d",operator_name="Domain gauges",subtask_index="0",} 12.0
            flink_taskmanager_job_task_operator_numRecordsIn{operator_name="Domain gauges",subtask_index="0",} 9.0
            flink_jobmanager_numRunningJobs{host="localhost",} 1.0
            """;

    private final ReportedMetrics metrics = ReportedMetrics.parse(EXPOSITION);

    @Test
    void namesAreThoseOfTheDashboardsAndFlinksOwnMetricsAreLeftOut() {
        assertThat(metrics.samples())
                .extracting(ReportedMetrics.Sample::name)
                .containsOnly(
                        "migration_events_total",
                        "migration_unmatched_exits_total",
                        "migration_net_inflow");
    }

    @Test
    void aSeriesAddsUpOverSubtasksUnderItsOwnLabelsOnly() {
        assertThat(metrics.series("migration_events_total"))
                .containsExactly(
                        Map.entry(Map.of("stream", "border-crossings"), 200.0),
                        Map.entry(Map.of("stream", "registrations"), 5.0));
        assertThat(metrics.sum("migration_events_total")).isEqualTo(205.0);
        assertThat(metrics.sum("migration_unmatched_exits_total")).isEqualTo(2.0);
        assertThat(metrics.sum("migration_alerts_total")).isZero();
    }

    @Test
    void labelValuesAreReadAsWrittenIncludingEscapesAndTheEmptyCity() {
        assertThat(metrics.series("migration_net_inflow"))
                .containsOnly(
                        Map.entry(
                                Map.of(
                                        "region",
                                        "KZ-63",
                                        "city",
                                        "Ust-Kamenogorsk \"Oskemen\"",
                                        "window",
                                        "7d"),
                                -4.0),
                        Map.entry(Map.of("region", "KZ-63", "city", "", "window", "7d"), 12.0));
        assertThat(metrics.sum("migration_net_inflow", "city", "")).isEqualTo(12.0);
    }
}
