package kz.migration.monitor.alertmanager;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A real Alertmanager (the Debian package's binary) on a loopback port, for tests. Clustering is
 * off ({@code --cluster.listen-address=}) so parallel test runs never gossip with each other.
 */
final class AlertmanagerProcess implements AutoCloseable {

    private static final String CONFIG = """
            route:
              receiver: blackhole
              group_wait: 1h
            receivers:
              - name: blackhole
            """;

    private final Process process;
    private final Path dir;
    private final int port;

    private AlertmanagerProcess(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** Starts Alertmanager on a free port and waits until it is ready. */
    static AlertmanagerProcess start() throws IOException, InterruptedException {
        return start(freePort());
    }

    /** Starts Alertmanager on {@code port} and waits until it is ready. */
    static AlertmanagerProcess start(int port) throws IOException, InterruptedException {
        Path binary = ExternalTool.require("prometheus-alertmanager");
        Path dir = Files.createTempDirectory("alertmanager-test");
        Path config = Files.writeString(dir.resolve("alertmanager.yml"), CONFIG);
        Files.createDirectories(dir.resolve("data"));
        Process process = new ProcessBuilder(binary.toString(),
                "--config.file=" + config,
                "--web.listen-address=127.0.0.1:" + port,
                "--storage.path=" + dir.resolve("data"),
                "--cluster.listen-address=")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("alertmanager.log").toFile())
                .start();
        AlertmanagerProcess am = new AlertmanagerProcess(process, dir, port);
        AlertmanagerClient client = new AlertmanagerClient(am.uri());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!client.ready()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                String log = Files.readString(dir.resolve("alertmanager.log"));
                am.close();
                fail("Alertmanager did not become ready on port " + port + ":\n" + log);
            }
            Thread.sleep(100);
        }
        return am;
    }

    /** A loopback port nobody listens on right now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temp folder is harmless.
        }
    }
}
