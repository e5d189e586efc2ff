package kz.migration.monitor.job;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * Runs a replay's job on a MiniCluster in this JVM and stops the cluster before returning.
 *
 * <p>A local environment's {@code execute} returns once the job has finished, but closes its
 * MiniCluster afterwards, in the background. The TaskManager then still removes its spill and
 * shuffle directories in the replay's work directory while the replay removes that directory
 * itself, and on a busy machine the replay failed. Once this cluster is closed, it has let go of
 * every file it wrote, and no threads of it run on into the next replay in the same JVM.
 */
final class ReplayCluster {

    private ReplayCluster() {}

    /**
     * Runs the graph built on {@code env} as the job {@code name} with {@code slots} slots on a
     * cluster configured by {@code conf}; throws the job's failure.
     */
    static JobExecutionResult execute(
            StreamExecutionEnvironment env, Configuration conf, int slots, String name)
            throws Exception {
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName(name);
        JobGraph job = graph.getJobGraph();
        MiniClusterConfiguration cluster =
                new MiniClusterConfiguration.Builder()
                        .setConfiguration(conf)
                        .setNumTaskManagers(1)
                        .setNumSlotsPerTaskManager(slots)
                        .withRandomPorts()
                        .build();
        try (MiniCluster miniCluster = new MiniCluster(cluster)) {
            miniCluster.start();
            return miniCluster.executeJobBlocking(job);
        }
    }
}
