package kz.migration.monitor.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP proxy in front of a real Alertmanager that records, in order, every alert post it
 * passed on, and can stall: after a given number of further posts it holds every request unanswered
 * and passes nothing more on, so a test can kill the forwarder in the middle of a batch, between
 * delivering some alerts and committing their offsets.
 */
final class RecordingAlertmanagerProxy implements AutoCloseable {

    /**
     * One post Alertmanager accepted.
     *
     * @param at when the proxy received it (later than the forwarder stamped it)
     * @param body the posted JSON array of alerts
     */
    record Post(Instant at, String body) {}

    private final URI target;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Post> posts = new ArrayList<>();
    private int postsStarted;
    private int stallAfter = Integer.MAX_VALUE;
    private int stalled;
    private CountDownLatch release = new CountDownLatch(1);

    RecordingAlertmanagerProxy(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The proxy's root URL, to give the forwarder as its Alertmanager. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Passes {@code more} posts on, then stalls every request. */
    synchronized void stallAfterMorePosts(int more) {
        stallAfter = postsStarted + more;
    }

    /** Passes everything on again; the requests held so far are answered 503, unforwarded. */
    synchronized void resume() {
        stallAfter = Integer.MAX_VALUE;
        stalled = 0;
        release.countDown();
        release = new CountDownLatch(1);
    }

    /** How many requests are held now. */
    synchronized int stalled() {
        return stalled;
    }

    /** The posts passed on so far, in order. */
    synchronized List<Post> posts() {
        return List.copyOf(posts);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean post = "POST".equals(exchange.getRequestMethod());
            CountDownLatch held = null;
            Instant at = Instant.now();
            synchronized (this) {
                if (postsStarted >= stallAfter) {
                    stalled++;
                    held = release;
                } else if (post) {
                    postsStarted++;
                }
            }
            if (held != null) {
                await(held);
                respond(exchange, 503, "stalled by the test".getBytes(StandardCharsets.UTF_8));
                return;
            }
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                            .timeout(Duration.ofSeconds(10));
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type != null) {
                request.header("Content-Type", type);
            }
            request.method(
                    exchange.getRequestMethod(),
                    body.length == 0
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<byte[]> answer;
            try {
                answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                respond(exchange, 503, new byte[0]);
                return;
            }
            if (post && answer.statusCode() / 100 == 2) {
                synchronized (this) {
                    posts.add(new Post(at, new String(body, StandardCharsets.UTF_8)));
                }
            }
            respond(exchange, answer.statusCode(), answer.body());
        } catch (IOException e) {
            // The forwarder was killed while waiting: nobody reads the answer.
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        resume();
        server.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
