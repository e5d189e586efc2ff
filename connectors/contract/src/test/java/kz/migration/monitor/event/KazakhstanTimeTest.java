package kz.migration.monitor.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Days in Kazakhstan time: midnight is 19:00 UTC of the day before, also before 1970. */
class KazakhstanTimeTest {

    private static final ZoneOffset PLUS_FIVE = ZoneOffset.ofHours(5);

    @Test
    void aDayStartsAtMidnightPlusFive() {
        assertThat(KazakhstanTime.dateOf(Instant.parse("2026-03-01T18:59:59.999Z")))
                .isEqualTo(LocalDate.parse("2026-03-01"));
        assertThat(KazakhstanTime.dateOf(Instant.parse("2026-03-01T19:00:00Z")))
                .isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(KazakhstanTime.startOf(LocalDate.parse("2026-03-02")))
                .isEqualTo(Instant.parse("2026-03-01T19:00:00Z"));
        assertThat(KazakhstanTime.endMillisOf(LocalDate.parse("2026-03-01")))
                .isEqualTo(Instant.parse("2026-03-01T19:00:00Z").toEpochMilli());
    }

    @Test
    void agreesWithJavaTimeEverywhere() {
        Random random = new Random(5);
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(-5_000_000_000L, 250_000_000_000L);
            Instant at = Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000));
            LocalDate expected = LocalDate.ofInstant(at, PLUS_FIVE);
            assertThat(KazakhstanTime.dateOf(at)).isEqualTo(expected);
            assertThat(KazakhstanTime.dateOf(at.toEpochMilli())).isEqualTo(expected);
            assertThat(KazakhstanTime.startOf(expected))
                    .isEqualTo(expected.atStartOfDay().toInstant(PLUS_FIVE));
            assertThat(KazakhstanTime.endMillisOf(expected))
                    .isEqualTo(
                            expected.plusDays(1)
                                    .atStartOfDay()
                                    .toInstant(PLUS_FIVE)
                                    .toEpochMilli());
        }
    }
}
