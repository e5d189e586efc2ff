package kz.migration.monitor.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import kz.migration.monitor.event.KazakhstanTime;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.event.Topics;
import kz.migration.monitor.generator.GeneratorSettings;
import kz.migration.monitor.json.InputParser;
import kz.migration.monitor.json.Parsed;
import kz.migration.monitor.json.Pseudonymiser;
import org.junit.jupiter.api.Test;

/**
 * The chaos run's barriers: each day's ticks are valid records on every partition that put the
 * watermark just past the day's end, and no record of the traffic lies between a day's end and that
 * watermark or comes after its day's ticks.
 */
class ChaosTrafficTest {

    private static final Duration LATENESS = Duration.ofHours(1);

    private final ChaosTraffic traffic =
            ChaosTraffic.generate(
                    new GeneratorSettings(
                            3, LocalDate.parse("2026-03-01"), 3, 300, 0.01, 0.02, 0.01, 0.01),
                    2,
                    LATENESS);

    @Test
    void everyInputPartitionGetsAValidTickAfterTheDaysRecords() {
        LocalDate day = traffic.days().get(1);
        List<ChaosTraffic.Rec> records = traffic.day(day);
        List<ChaosTraffic.Rec> ticks = records.stream().filter(r -> r.partition() != null).toList();

        assertThat(ticks).hasSize(Topics.inputs().size() * 2);
        assertThat(records.subList(records.size() - ticks.size(), records.size())).isEqualTo(ticks);
        for (ChaosTraffic.Rec tick : ticks) {
            Parsed<?> parsed =
                    InputParser.of(SourceStream.ofTopic(tick.topic()), new Pseudonymiser("k"))
                            .parse(tick.json(), Instant.now());
            assertThat(parsed.isValid()).as(tick.json()).isTrue();
            // Bounded out-of-orderness puts the watermark at the tick less the lateness, less 1 ms.
            assertThat(Instant.ofEpochMilli(tick.timestamp()).minus(LATENESS).minusMillis(1))
                    .isEqualTo(traffic.watermarkAfter(day));
        }
    }

    @Test
    void theWatermarkEndsTheDayAndNothingOfTheNextHasHappenedByThen() {
        for (LocalDate day : traffic.days()) {
            Instant end = KazakhstanTime.endOf(day);
            Instant watermark = traffic.watermarkAfter(day);
            assertThat(watermark).isAfter(end);
            for (LocalDate other : traffic.days()) {
                for (ChaosTraffic.Rec r : traffic.day(other)) {
                    if (r.partition() == null) {
                        Instant at = Instant.ofEpochMilli(r.timestamp());
                        assertThat(!at.isBefore(end) && !at.isAfter(watermark))
                                .as("%s at %s", r.json(), at)
                                .isFalse();
                    }
                }
            }
            for (ChaosTraffic.Rec r : traffic.day(day)) {
                if (r.partition() == null) {
                    assertThat(r.timestamp()).isLessThanOrEqualTo(watermark.toEpochMilli());
                }
            }
        }
    }
}
