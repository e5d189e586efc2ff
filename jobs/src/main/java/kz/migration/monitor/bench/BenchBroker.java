package kz.migration.monitor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A Kafka broker of its own, as its own process (the {@code broker} command), so that neither the
 * job nor the bare consumer shares a JVM (heap, GC, JIT) with it.
 */
final class BenchBroker implements AutoCloseable {

    private final BenchProcess process;
    private final String bootstrapServers;

    private BenchBroker(BenchProcess process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker with its data under {@code dir} and waits until it answers clients. */
    static BenchBroker start(Path jar, Path dir, String heap) throws Exception {
        Files.createDirectories(dir);
        int port = BenchProcess.freePort();
        int controller = BenchProcess.freePort();
        BenchProcess p =
                BenchProcess.start(
                        "broker",
                        jar,
                        List.of("-Xmx" + heap, "-Xms" + heap),
                        List.of(
                                "broker",
                                "--dir",
                                dir.toString(),
                                "--port",
                                String.valueOf(port),
                                "--controller-port",
                                String.valueOf(controller)),
                        Map.of(),
                        dir.resolve("broker.log"));
        BenchBroker broker = new BenchBroker(p, BenchProcess.HOST + ":" + port);
        try {
            broker.awaitReady(Duration.ofSeconds(90));
        } catch (Exception e) {
            p.close();
            throw e;
        }
        return broker;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    long pid() {
        return process.pid();
    }

    private void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                                5000,
                                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                                4000))) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get().isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    // not up yet
                }
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "the broker did not come up; see " + process.log());
                }
                Thread.sleep(500);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
