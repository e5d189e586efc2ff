package kz.migration.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayClusterTest {

    @TempDir Path work;

    @Test
    void returnsTheResultOnlyOnceTheClusterHasRemovedEveryFileItWrote() throws Exception {
        // A local environment's execute returned with the cluster's io, shuffle and RPC files
        // still in its TMP_DIRS: the replay's own removal of them raced its shutdown.
        Configuration conf = conf();
        StreamExecutionEnvironment env = env(conf);
        CollectingSink<Long> sums = new CollectingSink<>();
        env.fromSequence(1, 1_000).keyBy(x -> x % 7).reduce(Long::sum).sinkTo(sums);

        ReplayCluster.execute(env, conf, 2, "sums");

        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).isEmpty();
        }
        List<Long> got = sums.drain();
        assertThat(got).hasSize(7);
        assertThat(got.stream().mapToLong(Long::longValue).sum()).isEqualTo(500_500L);
    }

    @Test
    void throwsTheJobsFailureAndStillStopsTheCluster() throws Exception {
        Configuration conf = conf();
        StreamExecutionEnvironment env = env(conf);
        env.fromSequence(1, 10)
                .map(
                        x -> {
                            if (x == 5) {
                                throw new IllegalStateException("record five is bad");
                            }
                            return x;
                        })
                .sinkTo(new CollectingSink<>());

        assertThatThrownBy(() -> ReplayCluster.execute(env, conf, 2, "failing"))
                .rootCause()
                .hasMessage("record five is bad");
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).isEmpty();
        }
    }

    private Configuration conf() {
        Configuration conf = new Configuration();
        conf.set(CoreOptions.TMP_DIRS, work.toString());
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return conf;
    }

    private static StreamExecutionEnvironment env(Configuration conf) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        return env;
    }
}
