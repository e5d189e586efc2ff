package kz.migration.monitor.job;

import java.time.Duration;
import org.apache.flink.changelog.fs.FsStateChangelogOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateChangelogOptions;

/**
 * Whether keyed state changes go to Flink's state changelog (FLIP-158) as well as to the state
 * backend, and how often the backend's own state is then written out ("materialized").
 *
 * <p>Without it, every checkpoint of RocksDB flushes each state's memtable and uploads the new SST
 * files, and compaction's outputs are uploaded again later. At a checkpoint a second that upload
 * was the job's largest single cost (15 % of its CPU at 20,000 events/s in {@code bench latency},
 * and RocksDB's flushes another 10 %), so the job fell behind. With the changelog a checkpoint only
 * persists the changes since the last one, appended to a few files, and RocksDB's files are
 * uploaded once per materialization. It costs a second write of each change, which a job
 * checkpointing every 30 s does not win back ({@code bench streaming}), so it is off by default.
 *
 * <p>The changelog lives under {@code <checkpoint dir>/changelog}. Flink reads its storage from the
 * TaskManager's configuration, not the job's: on a cluster, {@code state.changelog.storage} and
 * {@code state.changelog.dstl.dfs.base-path} belong in the cluster's configuration (the deployments
 * in this repository set them), or Flink keeps the changelog in memory.
 *
 * @param enabled whether state changes are logged
 * @param materializationInterval how often the state backend's state is materialized
 */
public record StateChangelog(boolean enabled, Duration materializationInterval) {

    /** Flink's default materialization interval. */
    public static final Duration DEFAULT_MATERIALIZATION = Duration.ofMinutes(10);

    /** No changelog: checkpoints write the state backend's state itself. */
    public static final StateChangelog OFF = new StateChangelog(false, DEFAULT_MATERIALIZATION);

    /** Validates the interval. */
    public StateChangelog {
        if (materializationInterval == null
                || materializationInterval.isNegative()
                || materializationInterval.isZero()) {
            throw new IllegalArgumentException(
                    "the materialization interval must be positive, not "
                            + materializationInterval);
        }
    }

    /** Logs state changes, materializing every {@code materializationInterval}. */
    public static StateChangelog every(Duration materializationInterval) {
        return new StateChangelog(true, materializationInterval);
    }

    /**
     * The Flink configuration for this choice with checkpoints under {@code checkpointDir}: empty
     * when off.
     *
     * @throws IllegalArgumentException when on without a checkpoint directory, which would leave
     *     the changelog in memory
     */
    public Configuration configuration(String checkpointDir) {
        Configuration conf = new Configuration();
        if (!enabled) {
            return conf;
        }
        if (checkpointDir == null) {
            throw new IllegalArgumentException(
                    "the state changelog needs a checkpoint directory (--checkpoint-dir)");
        }
        conf.set(StateChangelogOptions.ENABLE_STATE_CHANGE_LOG, true);
        conf.set(StateChangelogOptions.PERIODIC_MATERIALIZATION_INTERVAL, materializationInterval);
        conf.set(StateChangelogOptions.STATE_CHANGE_LOG_STORAGE, "filesystem");
        conf.set(FsStateChangelogOptions.BASE_PATH, changelogDir(checkpointDir));
        return conf;
    }

    /** The changelog's directory: {@code changelog} inside {@code checkpointDir}. */
    public static String changelogDir(String checkpointDir) {
        return checkpointDir.replaceAll("/+$", "") + "/changelog";
    }
}
