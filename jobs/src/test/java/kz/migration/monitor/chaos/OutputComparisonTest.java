package kz.migration.monitor.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The chaos run's verdict: a lost, a doubled and an unexpected record each count. */
class OutputComparisonTest {

    @Test
    void theSameRecordsInAnyOrderAreIdentical() {
        OutputComparison c =
                OutputComparison.of("alerts", List.of("a", "b", "b"), List.of("b", "a", "b"));

        assertThat(c.identical()).isTrue();
        assertThat(c.toString()).isEqualTo("alerts 3 identical");
    }

    @Test
    void aMissingAlertIsLostAndARepeatedOneDoubled() {
        OutputComparison c =
                OutputComparison.of("alerts", List.of("a", "b", "c"), List.of("a", "a", "c", "z"));

        assertThat(c.identical()).isFalse();
        assertThat(c.lost()).isEqualTo(1);
        assertThat(c.doubled()).isEqualTo(1);
        assertThat(c.unexpected()).isEqualTo(1);
        assertThat(c.toString())
                .isEqualTo("alerts 3 expected, 4 committed: 1 lost, 1 doubled, 1 unexpected");
    }

    @Test
    void aRecordReplayGivesTwiceMustBeThereTwice() {
        OutputComparison c = OutputComparison.of("flow-matrix", List.of("r", "r"), List.of("r"));

        assertThat(c.lost()).isEqualTo(1);
        assertThat(c.doubled()).isZero();
    }
}
