package kz.migration.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.flink.changelog.fs.FsStateChangelogOptions;
import org.apache.flink.configuration.StateChangelogOptions;
import org.junit.jupiter.api.Test;

class StateChangelogTest {

    @Test
    void offConfiguresNothing() {
        assertThat(StateChangelog.OFF.configuration("file:///c").toMap()).isEmpty();
        assertThat(StateChangelog.OFF.configuration(null).toMap()).isEmpty();
    }

    @Test
    void onLogsToFilesInTheCheckpointDirectory() {
        var conf = StateChangelog.every(Duration.ofMinutes(3)).configuration("file:///var/c/");

        assertThat(conf.get(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG)).isTrue();
        assertThat(conf.get(StateChangelogOptions.STATE_CHANGE_LOG_STORAGE))
                .isEqualTo("filesystem");
        assertThat(conf.get(FsStateChangelogOptions.BASE_PATH))
                .isEqualTo("file:///var/c/changelog");
        assertThat(conf.get(StateChangelogOptions.PERIODIC_MATERIALIZATION_INTERVAL))
                .isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void onWithoutACheckpointDirectoryIsRefused() {
        // Flink would otherwise keep the changelog in memory, and a crash would lose it.
        assertThatThrownBy(() -> StateChangelog.every(Duration.ofMinutes(1)).configuration(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checkpoint directory");
    }

    @Test
    void aMaterializationIntervalMustBePositive() {
        assertThatThrownBy(() -> StateChangelog.every(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StateChangelog.every(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
