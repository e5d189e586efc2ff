package kz.migration.monitor.stay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import kz.migration.monitor.event.Severity;
import org.junit.jupiter.api.Test;

/** The contract's overstay tiers: 1-3 WARNING, 4-10 MAJOR, over 10 CRITICAL, raised on 1, 4, 11. */
class OverstayTierTest {

    @Test
    void everyCountHasTheContractsSeverity() {
        assertThat(IntStream.rangeClosed(1, 12).mapToObj(d -> OverstayTier.of(d).severity()))
                .containsExactly(
                        Severity.WARNING,
                        Severity.WARNING,
                        Severity.WARNING,
                        Severity.MAJOR,
                        Severity.MAJOR,
                        Severity.MAJOR,
                        Severity.MAJOR,
                        Severity.MAJOR,
                        Severity.MAJOR,
                        Severity.MAJOR,
                        Severity.CRITICAL,
                        Severity.CRITICAL);
        assertThat(OverstayTier.of(400)).isEqualTo(OverstayTier.EXPULSION);
        assertThatThrownBy(() -> OverstayTier.of(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFirstDaysOfTheTiersRaiseAlerts() {
        assertThat(IntStream.rangeClosed(0, 30).filter(OverstayTier::isFirstDay))
                .containsExactly(1, 4, 11);
        assertThat(OverstayTier.isLast(10)).isFalse();
        assertThat(OverstayTier.isLast(11)).isTrue();
    }

    @Test
    void eachTierFollowsTheOneBelow() {
        assertThat(OverstayTier.WARNING.previous()).isNull();
        assertThat(OverstayTier.FINE.previous()).isEqualTo(OverstayTier.WARNING);
        assertThat(OverstayTier.EXPULSION.previous()).isEqualTo(OverstayTier.FINE);
    }
}
