package kz.migration.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import kz.migration.monitor.event.AlertType;
import kz.migration.monitor.event.Topics;
import kz.migration.monitor.testsupport.KafkaClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo} as a newcomer runs it: in its own JVM with the shipped logging configuration. It
 * fast-forwards its history, after which every alert type of the contract has been raised and
 * committed to the {@code alerts} topic and shows in the summary, and its console carries no
 * warnings, errors or stack traces.
 */
class DemoCommandTest {

    /** A log line of level WARN or ERROR (not QUOTA_WARNING), or a line of a stack trace. */
    private static final Pattern NOT_THE_USERS_BUSINESS =
            Pattern.compile("\\b(WARN|ERROR)\\b|Exception|^\\s+at \\S+\\(|^Caused by:");

    private static final String CAUGHT_UP = "history caught up";

    private static final String EVERY_TYPE = "every alert type of the contract raised";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void fastForwardsAHistoryRaisingEveryAlertTypeThenGoesLiveOnACleanConsole() throws Exception {
        int kafkaPort = freePort();
        List<String> command =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx1500m",
                                // the shipped configuration, not the test one on the classpath
                                "-Dlog4j2.configurationFile=" + shippedLogConfiguration(),
                                "-Djava.io.tmpdir=" + dir,
                                "-cp",
                                System.getProperty("java.class.path"),
                                MonitorCli.class.getName(),
                                "demo"));
        command.addAll(
                List.of(
                        "--kafka-port",
                        String.valueOf(kafkaPort),
                        "--web-port",
                        String.valueOf(freePort()),
                        "--metrics-port",
                        String.valueOf(freePort()),
                        "--flink-metrics-port",
                        String.valueOf(freePort()),
                        "--scale",
                        "2000",
                        "--history-days",
                        "32",
                        "--speedup",
                        "20000",
                        "--duration",
                        "PT5M"));
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Process demo =
                new ProcessBuilder(command)
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .start();
        try {
            // Simulated time decides: the demo reports the catch-up once the job's watermark has
            // passed the end of the history and a checkpoint after that has completed.
            awaitSummaryAfterCatchUp(demo, stdout, stderr);

            Set<String> raised = new TreeSet<>();
            for (String alert :
                    KafkaClients.readCommitted("127.0.0.1:" + kafkaPort, Topics.ALERTS)) {
                raised.add(JSON.readTree(alert).path("type").asText());
            }
            assertThat(raised)
                    .as("alert types committed by the end of the history")
                    .containsAll(Arrays.stream(AlertType.values()).map(AlertType::name).toList());

            List<String> console = new ArrayList<>(Files.readAllLines(stdout));
            List<String> summary =
                    console.subList(indexOf(console, CAUGHT_UP), console.size()).stream()
                            .filter(l -> l.startsWith("  alerts for "))
                            .toList();
            for (AlertType type : AlertType.values()) {
                assertThat(summary)
                        .as("summary after the history")
                        .anySatisfy(l -> assertThat(l).containsPattern(type + " [1-9]"));
            }
            assertThat(summary)
                    .anySatisfy(
                            l ->
                                    assertThat(l)
                                            .containsPattern(
                                                    "WARNING [1-9].* / MAJOR [1-9].* / CRITICAL"
                                                            + " [1-9]"));

            console.addAll(Files.readAllLines(stderr));
            assertThat(console)
                    .as("console of the demo")
                    .noneMatch(l -> NOT_THE_USERS_BUSINESS.matcher(l).find());
            assertThat(console)
                    .anySatisfy(
                            l ->
                                    assertThat(l)
                                            .matches(
                                                    "  log +"
                                                            + Pattern.quote(dir.toString())
                                                            + ".*monitor\\.log"));
        } finally {
            demo.destroy();
            if (!demo.waitFor(60, TimeUnit.SECONDS)) {
                demo.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void refusesAHistoryAsLongAsTheRun() {
        assertThat(MonitorCli.run("demo", "--days", "30", "--history-days", "30")).isEqualTo(1);
    }

    /**
     * Waits for the summary printed right after the catch-up line and for the line that every alert
     * type has been raised; fails if the demo ends first.
     */
    private static void awaitSummaryAfterCatchUp(Process demo, Path stdout, Path stderr)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            List<String> lines = Files.readAllLines(stdout);
            int caughtUp = indexOf(lines, CAUGHT_UP);
            if (caughtUp >= 0
                    && lines.subList(caughtUp, lines.size()).stream()
                            .anyMatch(l -> l.startsWith("  planning:"))
                    && indexOf(lines, EVERY_TYPE) >= 0) {
                return;
            }
            if (!demo.isAlive() || System.nanoTime() > deadline) {
                fail(
                        "demo did not report its history caught up:%n%s%n%s",
                        String.join("\n", lines), Files.readString(stderr));
            }
            Thread.sleep(500);
        }
    }

    private static int indexOf(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i;
            }
        }
        return -1;
    }

    private static String shippedLogConfiguration() throws Exception {
        return Path.of(DemoCommand.class.getResource("/log4j2.xml").toURI()).toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
