package kz.migration.monitor.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real Alertmanager (the Debian package's binary) on a loopback port, for tests. Clustering is
 * off ({@code --cluster.listen-address=}) so parallel test runs never gossip with each other.
 */
public final class AlertmanagerProcess implements AutoCloseable {

    /** Routes everything to a receiver that notifies nobody and waits long before grouping. */
    public static final String BLACKHOLE_CONFIG =
            """
            route:
              receiver: blackhole
              group_wait: 1h
            receivers:
              - name: blackhole
            """;

    private final ToolProcess tool;
    private final int port;

    private AlertmanagerProcess(ToolProcess tool, int port) {
        this.tool = tool;
        this.port = port;
    }

    /** Starts Alertmanager with {@link #BLACKHOLE_CONFIG} on a free port. */
    public static AlertmanagerProcess start() {
        return start(BLACKHOLE_CONFIG, ExternalTools.freePort());
    }

    /** Starts Alertmanager with {@link #BLACKHOLE_CONFIG} on {@code port}. */
    public static AlertmanagerProcess start(int port) {
        return start(BLACKHOLE_CONFIG, port);
    }

    /**
     * Starts Alertmanager with the configuration text {@code config} on {@code port}, once ready.
     */
    public static AlertmanagerProcess start(String config, int port) {
        try {
            Path dir = Files.createTempDirectory("alertmanager-test");
            Path file = Files.writeString(dir.resolve("alertmanager.yml"), config);
            Files.createDirectories(dir.resolve("data"));
            ToolProcess tool =
                    ToolProcess.start(
                            "prometheus-alertmanager",
                            dir,
                            URI.create("http://127.0.0.1:" + port + "/-/ready"),
                            "--config.file=" + file,
                            "--web.listen-address=127.0.0.1:" + port,
                            "--storage.path=" + dir.resolve("data"),
                            "--cluster.listen-address=");
            return new AlertmanagerProcess(tool, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback port nobody listens on right now. */
    public static int freePort() {
        return ExternalTools.freePort();
    }

    /** Alertmanager's root URL. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Alertmanager's output so far, for failure messages. */
    public String log() {
        return tool.log();
    }

    @Override
    public void close() {
        tool.close();
    }
}
