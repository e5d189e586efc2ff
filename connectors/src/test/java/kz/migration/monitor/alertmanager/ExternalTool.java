package kz.migration.monitor.alertmanager;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds an operator tool installed from Debian packages, running the repository's
 * {@code dashboards/scripts/install-tools.sh} once when it is missing (a fresh machine). A tool
 * that still cannot be found fails the test rather than skipping it. (The dashboards module has
 * its own copy of this fixture, as modules do not share test sources.)
 */
final class ExternalTool {

    private static boolean installAttempted;

    private ExternalTool() {}

    /** The absolute path of {@code binary}, installing the tools first if needed. */
    static synchronized Path require(String binary) {
        Optional<Path> found = find(binary);
        if (found.isPresent()) {
            return found.get();
        }
        if (!installAttempted) {
            installAttempted = true;
            install();
        }
        return find(binary).orElseGet(() -> fail(binary + " is missing and install-tools.sh did not install it"));
    }

    private static void install() {
        Path script = repoRoot().resolve("dashboards/scripts/install-tools.sh");
        try {
            Process p = new ProcessBuilder("bash", script.toString())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            StringBuilder out = new StringBuilder();
            Thread reader = new Thread(() -> {
                try {
                    out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    out.append(e);
                }
            });
            reader.start();
            if (!p.waitFor(8, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                fail("install-tools.sh timed out:\n" + out);
            }
            reader.join();
            if (p.exitValue() != 0) {
                fail("install-tools.sh failed (exit " + p.exitValue() + "):\n" + out);
            }
        } catch (IOException e) {
            fail("cannot run " + script + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted installing tools");
        }
    }

    private static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("dashboards/scripts/install-tools.sh"))) {
                return p;
            }
        }
        return fail("no repository root with dashboards/scripts/install-tools.sh above " + Path.of("").toAbsolutePath());
    }

    private static Optional<Path> find(String binary) {
        List<String> dirs = new ArrayList<>(Arrays.asList(
                System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/bin", "/usr/sbin", "/usr/local/bin"));
        return dirs.stream().filter(d -> !d.isBlank()).map(d -> Path.of(d, binary)).filter(Files::isExecutable).findFirst();
    }
}
