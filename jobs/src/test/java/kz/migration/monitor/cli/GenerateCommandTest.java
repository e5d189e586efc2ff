package kz.migration.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    private static final List<String> FILES =
            List.of(
                    "border-crossings.jsonl",
                    "registrations.jsonl",
                    "employment.jsonl",
                    "reference-data.jsonl");

    @Test
    void writesTheFourFilesAndASecondRunIsIdentical(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");

        String stdout =
                captureOut(
                        () ->
                                assertThat(
                                                MonitorCli.run(
                                                        "generate",
                                                        "--out",
                                                        first.toString(),
                                                        "--days",
                                                        "30",
                                                        "--seed",
                                                        "1",
                                                        "--scale",
                                                        "300"))
                                        .isZero());
        assertThat(
                        MonitorCli.run(
                                "generate",
                                "--out",
                                second.toString(),
                                "--days",
                                "30",
                                "--seed",
                                "1",
                                "--scale",
                                "300"))
                .isZero();

        assertThat(stdout)
                .contains("border-crossings", "registrations", "employment", "reference-data");
        for (String file : FILES) {
            assertThat(first.resolve(file)).exists();
            assertThat(Files.size(first.resolve(file))).as(file).isPositive();
            assertThat(Files.mismatch(first.resolve(file), second.resolve(file)))
                    .as(file)
                    .isEqualTo(-1L);
        }
        // quotas and thresholds, the shortage list, the storylines' city threshold and quota,
        // then entry bans
        assertThat(Files.readAllLines(first.resolve("reference-data.jsonl")))
                .hasSizeGreaterThan(123 + 81 + 1 + 2)
                .filteredOn(l -> !l.contains("\"kind\":\"ENTRY_BAN\""))
                .hasSize(123 + 81 + 1 + 2);
    }

    @Test
    void disorderOptionsChangeTheOutput(@TempDir Path dir) throws IOException {
        assertThat(
                        MonitorCli.run(
                                "generate", "--out", dir.resolve("a").toString(), "--scale", "500"))
                .isZero();
        assertThat(
                        MonitorCli.run(
                                "generate",
                                "--out",
                                dir.resolve("b").toString(),
                                "--scale",
                                "500",
                                "--malformed",
                                "0.01",
                                "--duplicates",
                                "0.01",
                                "--late",
                                "0.01",
                                "--out-of-order",
                                "0.01"))
                .isZero();

        Path clean = dir.resolve("a").resolve("border-crossings.jsonl");
        Path noisy = dir.resolve("b").resolve("border-crossings.jsonl");
        assertThat(Files.readAllLines(noisy).size())
                .isGreaterThan(Files.readAllLines(clean).size());
    }

    @Test
    void needsExactlyOneDestination(@TempDir Path dir) {
        assertUserError("exactly one of --out", "generate", "--days", "1");
        assertUserError(
                "exactly one of --out",
                "generate",
                "--out",
                dir.toString(),
                "--bootstrap",
                "localhost:9092");
    }

    @Test
    void rejectsImpossibleValuesWithOneLine(@TempDir Path dir) {
        assertUserError("days must be between", "generate", "--out", dir.toString(), "--days", "0");
        assertUserError("malformed share", "generate", "--out", dir.toString(), "--malformed", "2");
        assertUserError(
                "scale must be between", "generate", "--out", dir.toString(), "--scale", "-5");
        assertUserError(
                "--speedup must be positive",
                "generate",
                "--bootstrap",
                "localhost:1",
                "--speedup",
                "0");
        assertUserError(
                "do not apply to --out", "generate", "--out", dir.toString(), "--rate", "100");
    }

    private static void assertUserError(String expected, String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = MonitorCli.run(args);
        } finally {
            System.setErr(original);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isNotZero();
        assertThat(text).startsWith("error: ").contains(expected);
        assertThat(text.strip().lines()).hasSize(1);
    }

    private static String captureOut(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
