package kz.migration.monitor.stay;

import static kz.migration.monitor.SampleEvents.endMillisOf;
import static kz.migration.monitor.SampleEvents.entry;
import static kz.migration.monitor.SampleEvents.exit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.metrics.DomainGauges;
import kz.migration.monitor.metrics.GaugeChanges;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gauge changes a person's stays send to {@link DomainGauges}: people present by group, and
 * active overstays by the entry's region and the severity reached.
 */
class PersonMonitorGaugesTest {

    private final KeyedOneInputStreamOperatorTestHarness<String, InputEvent, Alert> harness =
            PersonMonitorHarness.open();

    PersonMonitorGaugesTest() throws Exception {}

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(InputEvent... events) throws Exception {
        for (InputEvent e : events) {
            harness.processElement(e, e.timestamp());
            harness.processWatermark(e.timestamp());
        }
    }

    /** The gauges as DomainGauges would read them after applying the changes sent so far. */
    private Map<String, Double> gauges() {
        return GaugeChanges.applied(harness);
    }

    @Test
    void peoplePresentCountsEntriesLessExitsByGroup() throws Exception {
        send(
                entry("c1", "2026-03-01T10:00", "P1", "UZB"),
                entry("c2", "2026-03-01T11:00", "P2", "DEU"),
                entry("c3", "2026-03-01T12:00", "P3", "DEU"),
                exit("c4", "2026-03-02T10:00", "P2", "DEU"),
                // An exit nobody entered for moves nothing.
                exit("c5", "2026-03-02T11:00", "P9", "UZB"));

        assertThat(gauges())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "migration_people_present{group=\"CIS\"}", 1.0,
                                "migration_people_present{group=\"OTHER\"}", 1.0));
    }

    @Test
    void anActiveOverstayMovesUpTheSeveritiesAndEndsWithTheExit() throws Exception {
        // UZB: 30 days per entry; 31 March is the 1st unlawful day, 10 April the 11th.
        send(entry("c1", "2026-03-01T10:00", "P1", "UZB"));
        harness.processWatermark(endMillisOf("2026-04-03"));
        assertThat(gauges())
                .containsEntry(
                        "migration_overstays_active{region=\"KZ-61\",severity=\"MAJOR\"}", 1.0)
                .containsEntry(
                        "migration_overstays_active{region=\"KZ-61\",severity=\"WARNING\"}", 0.0);

        harness.processWatermark(endMillisOf("2026-04-20"));
        assertThat(gauges())
                .containsEntry(
                        "migration_overstays_active{region=\"KZ-61\",severity=\"CRITICAL\"}", 1.0)
                .containsEntry(
                        "migration_overstays_active{region=\"KZ-61\",severity=\"MAJOR\"}", 0.0);

        send(exit("c2", "2026-04-21T10:00", "P1", "UZB"));
        assertThat(gauges())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "migration_people_present{group=\"CIS\"}", 0.0,
                                "migration_overstays_active{region=\"KZ-61\",severity=\"WARNING\"}",
                                        0.0,
                                "migration_overstays_active{region=\"KZ-61\",severity=\"MAJOR\"}",
                                        0.0,
                                "migration_overstays_active{region=\"KZ-61\",severity=\"CRITICAL\"}",
                                        0.0));
    }
}
