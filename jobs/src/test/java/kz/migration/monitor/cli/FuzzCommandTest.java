package kz.migration.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FuzzCommandTest {

    @Test
    void reportsEveryStreamAndTheSameSeedGivesTheSameReport(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");

        assertThat(
                        MonitorCli.run(
                                "fuzz",
                                "--inputs",
                                "2000",
                                "--seed",
                                "3",
                                "--report",
                                first.toString()))
                .isZero();
        assertThat(
                        MonitorCli.run(
                                "fuzz",
                                "--inputs",
                                "2000",
                                "--seed",
                                "3",
                                "--report",
                                second.toString()))
                .isZero();

        JsonNode report = new ObjectMapper().readTree(first.toFile());
        assertThat(report.path("inputs").asLong()).isEqualTo(2000);
        assertThat(report.path("findings").asLong()).isZero();
        for (String stream :
                new String[] {
                    "border-crossings", "registrations", "employment", "reference-data"
                }) {
            JsonNode s = report.path("streams").path(stream);
            assertThat(s.path("inputs").asLong()).as(stream).isEqualTo(500);
            assertThat(s.path("crashes").asLong()).as(stream).isZero();
            assertThat(s.path("rejected").asLong() + s.path("accepted").asLong())
                    .as(stream)
                    .isEqualTo(500);
        }
        // the time differs between runs, the counts must not
        ((com.fasterxml.jackson.databind.node.ObjectNode) report).remove("seconds");
        JsonNode again = new ObjectMapper().readTree(second.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) again).remove("seconds");
        assertThat(again).isEqualTo(report);
        assertThat(Files.size(first)).isPositive();
    }

    @Test
    void refusesNoInputs() {
        assertThat(MonitorCli.run("fuzz", "--inputs", "0")).isNotZero();
    }
}
