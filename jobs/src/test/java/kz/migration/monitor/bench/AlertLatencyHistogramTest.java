package kz.migration.monitor.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertLatencyHistogramTest {

    @Test
    void percentilesAreTheNearestRankOfTheSortedLatencies() {
        List<Long> latencies = new ArrayList<>();
        for (long ms = 1; ms <= 200; ms++) {
            latencies.add(ms * 10);
        }
        Collections.shuffle(latencies, new java.util.Random(1));

        AlertLatency.Histogram h = AlertLatency.Histogram.of(latencies);

        assertEquals(new AlertLatency.Histogram(200, 1000, 1800, 1980, 2000), h);
    }

    @Test
    void noAlertsGiveAnEmptyHistogram() {
        assertEquals(0, AlertLatency.Histogram.of(List.of()).count());
    }
}
