package kz.migration.monitor.job;

import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.state.rocksdb.RocksDBConfigurableOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The streaming monitor: Kafka topics in, Kafka topics out, exactly once, on whatever cluster runs
 * it ({@code flink run}, a MiniCluster in {@code demo} and tests).
 *
 * @param stateBackend {@code hashmap} (heap) or {@code rocksdb}
 * @param checkpointDir a URI such as {@code file:///var/lib/monitor/checkpoints}, or {@code null}
 * @param stateChangelog whether state changes also go to Flink's state changelog, under {@code
 *     checkpointDir}
 */
public record StreamingJob(
        KafkaInputs.Config kafka,
        String topicPrefix,
        MonitorSettings settings,
        int parallelism,
        Duration checkpointInterval,
        String checkpointDir,
        String stateBackend,
        StateChangelog stateChangelog) {

    public static final String NAME = "migration-monitor";

    /**
     * The number of key groups keyed state is split into: the most subtasks any operator can ever
     * be rescaled to from a savepoint. Fixed, because a savepoint restores only into the max
     * parallelism it was taken with; 128 is what Flink would derive for any parallelism up to 85,
     * so savepoints taken before it was set stay restorable.
     */
    public static final int MAX_PARALLELISM = 128;

    /** Managed memory (RocksDB's) of a local MiniCluster's TaskManager. */
    static final MemorySize LOCAL_MANAGED_MEMORY = MemorySize.parse("512m");

    /** Flink configuration for this job, merged into the cluster's. */
    public Configuration configuration() {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointInterval);
        if (checkpointDir != null) {
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir);
        }
        // A checkpoint's outputs commit when it completes, inside the sinks' transaction timeout.
        conf.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, KafkaOutputs.CHECKPOINT_TIMEOUT);
        conf.set(StateBackendOptions.STATE_BACKEND, stateBackend);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        if (stateBackend.equals("rocksdb")) {
            // Most point reads miss (a new eventId in the de-duplication state, a new person, an
            // instant with nothing due yet): without a bloom filter every miss searches each SST
            // file; profiled, RocksDB.get was the largest single cost of the job.
            conf.set(RocksDBConfigurableOptions.USE_BLOOM_FILTER, true);
            // A local MiniCluster (run with java -jar) gives RocksDB 128 MiB of managed memory for
            // all its state (block cache and write buffers of every keyed operator); a cluster
            // sets its own.
            conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, LOCAL_MANAGED_MEMORY);
        }
        conf.addAll(stateChangelog.configuration(checkpointDir));
        return conf;
    }

    /** Defines the job on {@code env}; the caller executes it. */
    public void define(StreamExecutionEnvironment env) {
        if (parallelism > 0) {
            env.setParallelism(parallelism);
        }
        env.setMaxParallelism(MAX_PARALLELISM);
        env.getConfig().enableObjectReuse();
        // Every type has a serializer of Flink's or ours: one left to Kryo (slow, and a form
        // that checkpoints would then depend on) fails the job at submission.
        env.configure(new Configuration().set(PipelineOptions.GENERIC_TYPES, false));
        MonitorJob.defineWorkflow(
                KafkaInputs.read(env, kafka, settings.pseudonymiser()),
                KafkaOutputs.sinks(
                        kafka.bootstrapServers(),
                        topicPrefix,
                        kafka.groupId(),
                        kafka.clientProperties()),
                settings);
    }

    /** Starts the job without waiting for it to end. */
    public JobClient start(StreamExecutionEnvironment env) throws Exception {
        define(env);
        return env.executeAsync(NAME);
    }
}
