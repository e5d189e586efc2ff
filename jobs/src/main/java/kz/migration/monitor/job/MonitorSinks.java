package kz.migration.monitor.job;

import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.DeadLetter;
import kz.migration.monitor.event.FlowMatrixRow;
import kz.migration.monitor.event.FlowStats;
import org.apache.flink.api.connector.sink2.Sink;

/** Where the monitor's four outputs go: Kafka topics in production, collections in tests. */
public record MonitorSinks(
        Sink<Alert> alerts,
        Sink<FlowStats> flowStats,
        Sink<FlowMatrixRow> flowMatrix,
        Sink<DeadLetter> deadLetters) {}
