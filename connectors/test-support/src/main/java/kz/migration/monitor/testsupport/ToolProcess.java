package kz.migration.monitor.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A long-running tool (Prometheus, Alertmanager) started for a test in its own temporary folder,
 * its output in {@code <dir>/<name>.log}. {@link #start} returns once the tool answers its
 * readiness URL; {@link #close} stops the process (forcibly if it lingers) and deletes the folder.
 */
public final class ToolProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path dir;
    private final Thread killOnExit;

    private ToolProcess(String name, Process process, Path dir) {
        this.name = name;
        this.process = process;
        this.dir = dir;
        // A test JVM stopped before its tear-down (Ctrl-C, surefire's timeout) must not leave the
        // tool running on its port.
        this.killOnExit = new Thread(process::destroyForcibly, name + "-kill-on-exit");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts {@code binary} (installed if missing) with {@code args} in {@code dir} and waits up to
     * 30 s for {@code ready} to answer 200; a tool that exits or never gets ready fails with its
     * log.
     */
    public static ToolProcess start(String binary, Path dir, URI ready, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ExternalTools.require(binary).toString());
        command.addAll(List.of(args));
        Path log = dir.resolve(binary + ".log");
        Process process;
        try {
            process =
                    new ProcessBuilder(command)
                            .directory(dir.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start();
        } catch (IOException e) {
            throw new AssertionError("cannot start " + command + ": " + e, e);
        }
        ToolProcess tool = new ToolProcess(binary, process, dir);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!answers(ready)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                String output = tool.log();
                tool.close();
                throw new AssertionError(
                        binary + " did not become ready at " + ready + ":\n" + output);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                tool.close();
                throw new AssertionError("interrupted starting " + binary, e);
            }
        }
        return tool;
    }

    /** The tool's output so far, for failure messages. */
    public String log() {
        try {
            return Files.readString(dir.resolve(name + ".log"));
        } catch (IOException e) {
            return "<no log: " + e + ">";
        }
    }

    /** The folder the tool runs in (its config and data). */
    public Path dir() {
        return dir;
    }

    private static boolean answers(URI uri) {
        try {
            HttpRequest request =
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the process and deletes its folder; safe to call twice. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // The JVM is already exiting (the hook is running), or close() ran before: nothing to
            // remove.
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Already gone, or a leftover temp folder: harmless.
        }
    }
}
