package kz.migration.monitor.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The operator tools the tests run for real (prometheus, promtool, prometheus-alertmanager, amtool,
 * docker-compose, ...): found on the PATH, installed with the repository's {@code
 * dashboards/scripts/install-tools.sh} on a fresh machine, and run. Shared by the tests of every
 * module (test sources are not shared between modules, so it lives in main code).
 *
 * <p>Failures throw {@link AssertionError}, so the calling test fails: a tool that cannot be
 * installed must never make a test skip silently, or a broken rule file would reach production
 * green.
 */
public final class ExternalTools {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(8);
    private static boolean installAttempted;

    private ExternalTools() {}

    /**
     * Output and exit code of one finished command.
     *
     * @param exitCode the process's exit code
     * @param output stdout and stderr, merged
     */
    public record Result(int exitCode, String output) {}

    /** The repository root: the folder holding {@code dashboards/scripts/install-tools.sh}. */
    public static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("dashboards/scripts/install-tools.sh"))) {
                return p;
            }
        }
        throw new AssertionError(
                "no repository root with dashboards/scripts/install-tools.sh above " + dir);
    }

    /**
     * The absolute path of {@code binary}, running install-tools.sh once first if it is missing.
     */
    public static synchronized Path require(String binary) {
        Optional<Path> found = find(binary);
        if (found.isPresent()) {
            return found.get();
        }
        if (!installAttempted) {
            installAttempted = true;
            Result install =
                    run(
                            repoRoot(),
                            INSTALL_TIMEOUT,
                            "bash",
                            repoRoot().resolve("dashboards/scripts/install-tools.sh").toString());
            if (install.exitCode() != 0) {
                throw new AssertionError(
                        "install-tools.sh failed (exit "
                                + install.exitCode()
                                + "):\n"
                                + install.output());
            }
        }
        return find(binary)
                .orElseThrow(
                        () ->
                                new AssertionError(
                                        binary
                                                + " is missing and install-tools.sh did not install"
                                                + " it"));
    }

    /** Runs a command in {@code dir}, merging stderr into the output; throws on timeout. */
    public static Result run(Path dir, Duration timeout, String... command) {
        try {
            Process process =
                    new ProcessBuilder(command)
                            .directory(dir.toFile())
                            .redirectErrorStream(true)
                            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                            .start();
            // Read on another thread: a chatty tool would otherwise block on a full pipe.
            StringBuilder out = new StringBuilder();
            Thread reader =
                    new Thread(
                            () -> {
                                try {
                                    out.append(
                                            new String(
                                                    process.getInputStream().readAllBytes(),
                                                    StandardCharsets.UTF_8));
                                } catch (IOException e) {
                                    out.append("<output unreadable: ").append(e).append('>');
                                }
                            });
            reader.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                reader.join(5_000);
                throw new AssertionError(
                        String.join(" ", command) + " timed out after " + timeout + ":\n" + out);
            }
            reader.join();
            return new Result(process.exitValue(), out.toString());
        } catch (IOException e) {
            throw new AssertionError("cannot run " + Arrays.toString(command) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + Arrays.toString(command), e);
        }
    }

    /** A loopback port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket =
                new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError("no free loopback port: " + e, e);
        }
    }

    private static Optional<Path> find(String binary) {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        List<String> dirs = new ArrayList<>(Arrays.asList(path.split(File.pathSeparator)));
        // Surefire may run with a trimmed PATH; the Debian packages always land here.
        dirs.addAll(List.of("/usr/bin", "/usr/sbin", "/usr/local/bin"));
        return dirs.stream()
                .filter(d -> !d.isBlank())
                .map(d -> Path.of(d, binary))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
