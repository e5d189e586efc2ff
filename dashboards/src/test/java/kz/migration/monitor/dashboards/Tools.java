package kz.migration.monitor.dashboards;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kz.migration.monitor.testsupport.ExternalTools;

/**
 * The dashboards module's view of the shared {@link ExternalTools} fixture: where the configuration
 * lives, and running a tool that must succeed. Finding and installing the tools (a missing one
 * fails the test, never skips it) is the shared fixture's job.
 */
final class Tools {

    private Tools() {}

    /** The repository root: the folder holding docker-compose.yml and the dashboards module. */
    static Path repoRoot() {
        return ExternalTools.repoRoot();
    }

    /** The dashboards module folder (configuration files live here, not in src/). */
    static Path module() {
        return repoRoot().resolve("dashboards");
    }

    /** Runs a tool (installing it if needed) and fails the test unless it exits with 0. */
    static String check(Path dir, String binary, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ExternalTools.require(binary).toString());
        command.addAll(List.of(args));
        ExternalTools.Result result =
                ExternalTools.run(dir, Duration.ofMinutes(2), command.toArray(String[]::new));
        if (result.exitCode() != 0) {
            fail(
                    String.join(" ", command)
                            + " exited "
                            + result.exitCode()
                            + ":\n"
                            + result.output());
        }
        return result.output();
    }
}
