package kz.migration.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command explains itself, and a user's mistake is one clear line, not a stack trace. */
class MonitorCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;

    @TempDir Path dir;

    @BeforeEach
    void capture() {
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "replay", "run", "generate", "forward-alerts", "bench"})
    void everyCommandHasHelp(String command) {
        assertThat(MonitorCli.run(command, "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Usage: migration-monitor " + command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"streaming", "latency", "state", "growth"})
    void everyBenchCommandHasHelpWithoutWarnings(String command) {
        assertThat(MonitorCli.run("bench", command, "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Usage: migration-monitor bench " + command);
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("WARN");
    }

    @Test
    void topLevelHelpListsTheCommands() {
        assertThat(MonitorCli.run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("demo", "replay", "run", "generate", "forward-alerts", "bench");
    }

    @Test
    void replayOfAMissingDirectoryIsOneClearLine() {
        int code =
                MonitorCli.run(
                        "replay",
                        "--input",
                        dir.resolve("nope").toString(),
                        "--output",
                        dir.resolve("out").toString());
        String printed = err.toString(StandardCharsets.UTF_8).strip();
        assertThat(code).isNotZero();
        assertThat(printed.lines()).hasSize(1);
        assertThat(printed).startsWith("error: ").contains("nope").doesNotContain("Exception");
    }

    @Test
    void aBadAsOfIsOneClearLine() {
        int code =
                MonitorCli.run(
                        "replay",
                        "--input",
                        dir.toString(),
                        "--output",
                        dir.toString(),
                        "--as-of",
                        "yesterday");
        assertThat(code).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("error: --as-of yesterday is not an ISO-8601 instant with an offset");
    }

    @Test
    void anUnknownReplayModeIsOneClearLine() {
        int code =
                MonitorCli.run(
                        "replay",
                        "--input",
                        dir.toString(),
                        "--output",
                        dir.resolve("out").toString(),
                        "--mode",
                        "fast");
        assertThat(code).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("error: --mode: streaming, batch or auto, not fast");
    }

    @Test
    void stayRulesAndContractLengthAreConfigurable() {
        ReplayCommand replay = new ReplayCommand();
        new picocli.CommandLine(replay)
                .parseArgs(
                        "--input",
                        "in",
                        "--output",
                        "out",
                        "--stay-rule",
                        "DEFAULT=10/60",
                        "--stay-rule",
                        "LIMITED=7/21",
                        "--contract-years",
                        "3");
        var settings =
                replay.rules.applyTo(
                        kz.migration.monitor.job.MonitorSettings.streaming(
                                new kz.migration.monitor.json.Pseudonymiser("k")));
        assertThat(settings.stayRules().ruleFor("UZB"))
                .isEqualTo(new kz.migration.monitor.stay.StayRule(10, 60));
        assertThat(settings.stayRules().ruleFor("IND"))
                .isEqualTo(new kz.migration.monitor.stay.StayRule(7, 21));
        assertThat(settings.stayRules().ruleFor("RUS"))
                .isEqualTo(new kz.migration.monitor.stay.StayRule(90, 90));
        assertThat(settings.contractYears()).isEqualTo(3);
    }

    @Test
    void aBadStayRuleIsOneClearLine() {
        int code =
                MonitorCli.run(
                        "replay",
                        "--input",
                        dir.toString(),
                        "--output",
                        dir.toString(),
                        "--stay-rule",
                        "DEFAULT=thirty");
        assertThat(code).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo(
                        "error: --stay-rule DEFAULT=thirty: expected DAYS/WINDOW, positive, WINDOW"
                                + " at most 180");
    }

    @Test
    void theStateChangelogWithoutACheckpointDirectoryIsOneClearLine() {
        int code = MonitorCli.run("run", "--bootstrap", "127.0.0.1:1", "--state-changelog");
        assertThat(code).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo(
                        "error: --state-changelog needs --checkpoint-dir: the changelog is kept"
                                + " there");
    }

    @Test
    void anUnknownOptionNamesIt() {
        assertThat(MonitorCli.run("run", "--bootstrap", "x", "--frobnicate")).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--frobnicate")
                .doesNotContain("at kz.");
    }
}
