package kz.migration.monitor.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.Optional;
import java.util.Properties;

/**
 * The loopback ports of a local deployment. Chosen once (0 means a free one) and stored in the
 * state directory: the broker's address is in the job's configuration and the JobManager's in the
 * TaskManagers', so a restarted process must come back on the same port.
 *
 * @param kafka the broker's client port
 * @param controller the broker's KRaft controller port
 * @param rest Flink's REST port and web UI
 * @param rpc the JobManager's RPC port
 */
public record ClusterPorts(int kafka, int controller, int rest, int rpc) {

    static final String HOST = "127.0.0.1";

    /** The ports stored in {@code layout}, or {@code requested} (0: a free port) stored there. */
    public static ClusterPorts loadOrChoose(StateLayout layout, ClusterPorts requested)
            throws IOException {
        if (Files.exists(layout.portsFile())) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(layout.portsFile())) {
                p.load(in);
            }
            return new ClusterPorts(
                    Integer.parseInt(p.getProperty("kafka")),
                    Integer.parseInt(p.getProperty("controller")),
                    Integer.parseInt(p.getProperty("rest")),
                    Integer.parseInt(p.getProperty("rpc")));
        }
        ClusterPorts chosen =
                new ClusterPorts(
                        orFree(requested.kafka),
                        orFree(requested.controller),
                        orFree(requested.rest),
                        orFree(requested.rpc));
        Properties p = new Properties();
        p.setProperty("kafka", String.valueOf(chosen.kafka));
        p.setProperty("controller", String.valueOf(chosen.controller));
        p.setProperty("rest", String.valueOf(chosen.rest));
        p.setProperty("rpc", String.valueOf(chosen.rpc));
        try (OutputStream out = Files.newOutputStream(layout.portsFile())) {
            p.store(out, "ports of the local deployment, chosen at its first up");
        }
        return chosen;
    }

    /** The stored ports; empty state directory: none. */
    public static Optional<ClusterPorts> stored(StateLayout layout) throws IOException {
        if (!Files.exists(layout.portsFile())) {
            return Optional.empty();
        }
        return Optional.of(loadOrChoose(layout, null));
    }

    public String bootstrapServers() {
        return HOST + ":" + kafka;
    }

    public String restUrl() {
        return "http://" + HOST + ":" + rest;
    }

    private static int orFree(int port) {
        return port != 0 ? port : freePort();
    }

    /** A port free right now on loopback; the race until its process binds it is accepted. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }
}
