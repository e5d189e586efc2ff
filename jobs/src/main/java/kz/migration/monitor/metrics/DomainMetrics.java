package kz.migration.monitor.metrics;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import kz.migration.monitor.event.Alert;

/**
 * The monitor's domain metrics (crossings, people present, overstays, permits, quotas, inflow,
 * alerts, dead letters) in one Micrometer Prometheus registry per JVM, served on {@code /metrics}.
 *
 * <p>Labels are bounded sets (regions, groups, types, categories, settlements) and never name a
 * person. Gauges are per JVM and start from zero after a restart; counters are monotonic per
 * process, as Prometheus' {@code rate()} expects.
 */
public final class DomainMetrics {

    public static final PrometheusMeterRegistry REGISTRY =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private static final Map<String, AtomicLong> GAUGES = new ConcurrentHashMap<>();
    private static final Map<String, AtomicReference<Double>> RATIOS = new ConcurrentHashMap<>();
    private static HttpServer server;

    private DomainMetrics() {}

    /**
     * Serves {@code /metrics} on {@code port} of every interface once per JVM; later calls are
     * no-ops.
     */
    public static int serve(int port) throws IOException {
        return serve(new InetSocketAddress(port));
    }

    /**
     * Serves {@code /metrics} on {@code address} once per JVM (a loopback address keeps a test's
     * endpoint off the network); later calls are no-ops and return the port already served.
     */
    public static synchronized int serve(InetSocketAddress address) throws IOException {
        if (server != null) {
            return server.getAddress().getPort();
        }
        HttpServer s = HttpServer.create(address, 0);
        s.createContext(
                "/metrics",
                exchange -> {
                    byte[] body = REGISTRY.scrape().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders()
                            .set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
        s.setExecutor(null);
        s.start();
        server = s;
        return s.getAddress().getPort();
    }

    public static void count(String name, long n, String... tags) {
        Counter.builder(name).tags(tags).register(REGISTRY).increment(n);
    }

    /** The gauge {@code name} with {@code tags}, created at zero on first use. */
    public static AtomicLong gauge(String name, String... tags) {
        String key = name + Tags.of(tags);
        return GAUGES.computeIfAbsent(
                key,
                k -> {
                    AtomicLong value = new AtomicLong();
                    Gauge.builder(name, value, AtomicLong::doubleValue)
                            .tags(tags)
                            .register(REGISTRY);
                    return value;
                });
    }

    /** Sets the gauge {@code name} with {@code tags} to a fractional value. */
    public static void set(String name, double value, String... tags) {
        String key = name + Tags.of(tags);
        RATIOS.computeIfAbsent(
                        key,
                        k -> {
                            AtomicReference<Double> v = new AtomicReference<>(0.0);
                            Gauge.builder(name, v, AtomicReference::get)
                                    .tags(tags)
                                    .register(REGISTRY);
                            return v;
                        })
                .set(value);
    }

    public static void alert(Alert a) {
        count("migration_alerts", 1, "type", a.type().name(), "severity", a.severity().name());
    }
}
