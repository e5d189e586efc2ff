package kz.migration.monitor.alertmanager;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The alert forwarder's own metrics ({@code migration_alertmanager_*}): a Micrometer registry and
 * the HTTP server that serves it as Prometheus text on {@code /metrics}. The forwarder is a process
 * of its own, outside Flink, so it cannot use Flink's reporter; whoever starts it owns the endpoint
 * and closes it.
 */
public final class MetricsEndpoint implements AutoCloseable {

    private final PrometheusMeterRegistry registry;
    private final HttpServer server;

    private MetricsEndpoint(PrometheusMeterRegistry registry, HttpServer server) {
        this.registry = registry;
        this.server = server;
    }

    /**
     * Serves a new registry on {@code address} (port 0 picks a free one; a loopback address keeps a
     * test's endpoint off the network).
     */
    public static MetricsEndpoint start(InetSocketAddress address) throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HttpServer server = HttpServer.create(address, 0);
        server.createContext(
                "/metrics",
                exchange -> {
                    byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders()
                            .set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
        server.start();
        return new MetricsEndpoint(registry, server);
    }

    /** Where the forwarder's meters go. */
    public MeterRegistry registry() {
        return registry;
    }

    /** The port served. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        registry.close();
    }
}
