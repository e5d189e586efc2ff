package kz.migration.monitor.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small client of Alertmanager's v2 HTTP API: post alerts, read back the active ones, resolve.
 * Plain {@code java.net.http}: no Kafka and no retries here, so it can be tested alone against a
 * real Alertmanager; {@link AlertForwarder} adds the retry policy.
 */
public final class AlertmanagerClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private final Duration requestTimeout;

    /** A client of the Alertmanager at {@code base} (e.g. {@code http://localhost:9093}). */
    public AlertmanagerClient(URI base) {
        this(
                base,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                Duration.ofSeconds(10));
    }

    /**
     * @param base Alertmanager's root URL
     * @param http the HTTP client to use
     * @param requestTimeout how long one request may take
     */
    public AlertmanagerClient(URI base, HttpClient http, Duration requestTimeout) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        this.http = http;
        this.requestTimeout = requestTimeout;
    }

    /** Posts alerts ({@code POST /api/v2/alerts}); an alert with a past {@code endsAt} resolves. */
    public void post(List<AlertmanagerAlert> alerts)
            throws AlertmanagerException, InterruptedException {
        if (alerts.isEmpty()) {
            return;
        }
        ArrayNode body = JSON.createArrayNode();
        alerts.forEach(a -> body.add(a.toJson()));
        HttpRequest request =
                HttpRequest.newBuilder(base.resolve("api/v2/alerts"))
                        .timeout(requestTimeout)
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        body.toString(), StandardCharsets.UTF_8))
                        .build();
        send(request, "POST /api/v2/alerts");
    }

    /**
     * The alerts Alertmanager holds as not resolved ({@code GET /api/v2/alerts}), including
     * silenced and inhibited ones, whose labels equal every entry of {@code labelEquals}.
     */
    public List<AlertmanagerAlert> activeAlerts(Map<String, String> labelEquals)
            throws AlertmanagerException, InterruptedException {
        StringBuilder query =
                new StringBuilder(
                        "api/v2/alerts?active=true&silenced=true&inhibited=true&unprocessed=true");
        for (Map.Entry<String, String> e : new TreeMap<>(labelEquals).entrySet()) {
            String matcher =
                    e.getKey()
                            + "=\""
                            + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"")
                            + "\"";
            query.append("&filter=").append(URLEncoder.encode(matcher, StandardCharsets.UTF_8));
        }
        HttpRequest request =
                HttpRequest.newBuilder(base.resolve(query.toString()))
                        .timeout(requestTimeout)
                        .header("Accept", "application/json")
                        .GET()
                        .build();
        String body = send(request, "GET /api/v2/alerts");
        try {
            JsonNode array = JSON.readTree(body);
            List<AlertmanagerAlert> out = new ArrayList<>();
            for (JsonNode alert : array) {
                out.add(AlertmanagerAlert.fromJson(alert));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw new AlertmanagerException(
                    "unreadable answer to GET /api/v2/alerts: " + e.getMessage(), 200, e);
        }
    }

    /** Whether Alertmanager answers its readiness probe ({@code GET /-/ready}). */
    public boolean ready() throws InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(base.resolve("-/ready"))
                        .timeout(requestTimeout)
                        .GET()
                        .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private String send(HttpRequest request, String what)
            throws AlertmanagerException, InterruptedException {
        HttpResponse<String> response;
        try {
            response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AlertmanagerException(what + " to " + base + " failed: " + e, -1, e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            String body = response.body() == null ? "" : response.body().strip();
            throw new AlertmanagerException(
                    what
                            + " answered "
                            + status
                            + ": "
                            + (body.length() > 500 ? body.substring(0, 500) + "..." : body),
                    status,
                    null);
        }
        return response.body();
    }
}
