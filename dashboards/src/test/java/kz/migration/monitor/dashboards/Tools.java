package kz.migration.monitor.dashboards;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
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
 * Test fixture for the operator tools (promtool, amtool, docker-compose, ...): finds them on the
 * PATH, installs them with {@code dashboards/scripts/install-tools.sh} on a fresh machine, and runs
 * them. A tool that cannot be installed fails the test: these checks must never be skipped
 * silently, or a broken rule file would reach production green.
 */
final class Tools {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(8);
    private static boolean installAttempted;

    private Tools() {}

    /** Output and exit code of one finished command. */
    record Result(int exitCode, String output) {}

    /** The repository root: the folder holding docker-compose.yml and the dashboards module. */
    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docker-compose.yml"))
                    && Files.isDirectory(p.resolve("dashboards/scripts"))) {
                return p;
            }
        }
        return fail("no repository root above " + dir);
    }

    /** The dashboards module folder (configuration files live here, not in src/). */
    static Path module() {
        return repoRoot().resolve("dashboards");
    }

    /** Returns the absolute path of {@code binary}, installing the tools first if it is missing. */
    static synchronized Path require(String binary) {
        Optional<Path> found = find(binary);
        if (found.isPresent()) {
            return found.get();
        }
        if (!installAttempted) {
            installAttempted = true;
            Result install = run(repoRoot(), INSTALL_TIMEOUT,
                    "bash", module().resolve("scripts/install-tools.sh").toString());
            if (install.exitCode() != 0) {
                fail("install-tools.sh failed (exit " + install.exitCode() + "):\n" + install.output());
            }
        }
        return find(binary).orElseGet(() -> fail(binary + " is missing and install-tools.sh did not install it"));
    }

    /** Runs a command in {@code dir}, merging stderr into the output; fails the test on timeout. */
    static Result run(Path dir, Duration timeout, String... command) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            // Read on another thread: a chatty tool would otherwise block on a full pipe.
            StringBuilder out = new StringBuilder();
            Thread reader = new Thread(() -> {
                try {
                    out.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    out.append("<output unreadable: ").append(e).append('>');
                }
            });
            reader.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                reader.join(5_000);
                return fail(String.join(" ", command) + " timed out after " + timeout + ":\n" + out);
            }
            reader.join();
            return new Result(process.exitValue(), out.toString());
        } catch (IOException e) {
            return fail("cannot run " + Arrays.toString(command) + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted running " + Arrays.toString(command));
        }
    }

    /** Runs a tool (installing it if needed) and fails the test unless it exits with 0. */
    static String check(Path dir, String binary, String... args) {
        List<String> command = new ArrayList<>();
        command.add(require(binary).toString());
        command.addAll(List.of(args));
        Result result = run(dir, Duration.ofMinutes(2), command.toArray(String[]::new));
        if (result.exitCode() != 0) {
            fail(String.join(" ", command) + " exited " + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
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
