package kz.migration.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code demo} starts everything, shows live figures and stops by itself. */
class DemoCommandTest {

    @Test
    void runsTheMonitorOnGeneratedTrafficAndPrintsASummary() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code =
                    MonitorCli.run(
                            "demo",
                            "--duration",
                            "PT35S",
                            "--interval",
                            "PT5S",
                            "--kafka-port",
                            "0",
                            "--web-port",
                            String.valueOf(freePort()),
                            "--metrics-port",
                            String.valueOf(freePort()),
                            "--flink-metrics-port",
                            String.valueOf(freePort()),
                            "--scale",
                            "2000",
                            "--speedup",
                            "30000");
        } finally {
            System.setOut(stdout);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(printed)
                .contains("Flink web UI   http://localhost:", "Kafka broker   127.0.0.1:");
        assertThat(printed)
                .contains(
                        "alerts:",
                        "net inflow 7d, top cities:",
                        "quota utilisation, top:",
                        "inflow surges");
        // Some summary after the first shows events flowing and people present.
        assertThat(printed.lines().filter(l -> l.startsWith("events ")).skip(1))
                .anySatisfy(
                        l ->
                                assertThat(l)
                                        .doesNotStartWith("events 0 ")
                                        .doesNotContain("present 0 "));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
