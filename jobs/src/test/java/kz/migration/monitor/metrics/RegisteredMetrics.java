package kz.migration.monitor.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.clusterframework.types.ResourceID;
import org.apache.flink.runtime.executiongraph.ExecutionAttemptID;
import org.apache.flink.runtime.metrics.groups.TaskManagerMetricGroup;
import org.apache.flink.runtime.metrics.groups.TaskMetricGroup;
import org.apache.flink.runtime.metrics.util.TestingMetricRegistry;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;

/**
 * The metrics a harnessed operator registers, seen as a reporter sees them: the metric's name and
 * the variables of its group (the key/value groups become labels; Flink's own are left out, as
 * {@link ReportedMetrics} does).
 */
final class RegisteredMetrics {

    /** A registered metric with its labels. */
    record Registered(String name, Map<String, String> labels, Metric metric) {}

    private final List<Registered> registered = new CopyOnWriteArrayList<>();
    private final TaskMetricGroup task;

    RegisteredMetrics() {
        TestingMetricRegistry registry =
                TestingMetricRegistry.builder()
                        .setRegisterConsumer(
                                (metric, name, group) -> {
                                    Map<String, String> labels = new LinkedHashMap<>();
                                    group.getAllVariables()
                                            .forEach(
                                                    (k, v) ->
                                                            labels.put(
                                                                    k.substring(1, k.length() - 1),
                                                                    v));
                                    labels.keySet().removeAll(ReportedMetrics.FLINK_VARIABLES);
                                    registered.add(new Registered(name, labels, metric));
                                })
                        .build();
        task =
                TaskManagerMetricGroup.createTaskManagerMetricGroup(
                                registry, "localhost", ResourceID.generate())
                        .addJob(new JobID(), "test-job")
                        .addTask(ExecutionAttemptID.randomId(), "test-task");
    }

    /** A harness environment whose operators register here. */
    MockEnvironment environment() {
        return new MockEnvironmentBuilder().setMetricGroup(task).build();
    }

    /** The gauges named {@code name}, by labels, with their current values. */
    Map<Map<String, String>, Double> gauges(String name) {
        Map<Map<String, String>, Double> values = new LinkedHashMap<>();
        for (Registered r : registered) {
            if (r.name().equals(name) && r.metric() instanceof Gauge<?> g) {
                values.put(r.labels(), ((Number) g.getValue()).doubleValue());
            }
        }
        return values;
    }

    /** The counters named {@code name}, by labels, with their counts. */
    Map<Map<String, String>, Long> counters(String name) {
        Map<Map<String, String>, Long> values = new LinkedHashMap<>();
        for (Registered r : registered) {
            if (r.name().equals(name) && r.metric() instanceof Counter c) {
                values.put(r.labels(), c.getCount());
            }
        }
        return values;
    }
}
