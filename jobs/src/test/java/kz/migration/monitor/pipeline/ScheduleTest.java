package kz.migration.monitor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A key's schedule in its stored form. */
class ScheduleTest {

    @Test
    void aScheduleReadsBackAsItWasStored() {
        Schedule s = new Schedule(40, true, new long[] {40, 90});

        assertThat(s.stored()).containsExactly(40, 1, 40, 90);
        assertThat(Schedule.of(s.stored())).isEqualTo(s);
        assertThat(Schedule.of(new Schedule(7, false, new long[0]).stored()))
                .isEqualTo(new Schedule(7, false, new long[0]));
    }

    @Test
    void schedulesAreEqualByTheirWorkNotItsArray() {
        assertThat(new Schedule(1, false, new long[] {1, 2}))
                .isEqualTo(new Schedule(1, false, new long[] {1, 2}))
                .hasSameHashCodeAs(new Schedule(1, false, new long[] {1, 2}))
                .isNotEqualTo(new Schedule(1, true, new long[] {1, 2}))
                .isNotEqualTo(new Schedule(1, false, new long[] {1, 3}))
                .isNotEqualTo(new Schedule(2, false, new long[] {1, 2}));
    }

    @Test
    void noStoredValueIsNoSchedule() {
        assertThat(Schedule.of(null)).isNull();
    }

    @Test
    void aStoredValueTooShortToBeAScheduleFails() {
        assertThatThrownBy(() -> Schedule.of(new long[] {5}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 2");
    }
}
