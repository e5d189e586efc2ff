package kz.migration.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayModeTest {

    private static final long GIB = 1L << 30;

    @Test
    void autoStreamsWhatFitsTheHeapAndSortsTheRest() {
        // 30 days of national traffic (2.1 M lines) in 4 GiB; the national year (30.9 M) does not.
        assertThat(ReplayMode.AUTO.resolve(2_070_000, 4 * GIB)).isEqualTo(ReplayMode.STREAMING);
        assertThat(ReplayMode.AUTO.resolve(30_870_526, 4 * GIB)).isEqualTo(ReplayMode.BATCH);
        assertThat(ReplayMode.AUTO.resolve(30_870_526, 8 * GIB)).isEqualTo(ReplayMode.BATCH);
        assertThat(ReplayMode.AUTO.resolve(0, 64L << 20)).isEqualTo(ReplayMode.STREAMING);
    }

    @Test
    void aChosenModeIsKeptWhateverTheInput() {
        assertThat(ReplayMode.STREAMING.resolve(Long.MAX_VALUE, GIB))
                .isEqualTo(ReplayMode.STREAMING);
        assertThat(ReplayMode.BATCH.resolve(0, 64 * GIB)).isEqualTo(ReplayMode.BATCH);
    }
}
