package kz.migration.monitor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import kz.migration.monitor.fuzz.FuzzReport;
import kz.migration.monitor.fuzz.ParserFuzzer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fuzz}: a seeded, structure-aware fuzzing run of the four input parsers, judged against the
 * contract and the producers' JSON Schemas. Exits non-zero on any finding.
 */
@Command(
        name = "fuzz",
        mixinStandardHelpOptions = true,
        description = {
            "Fuzzes the input parsers with mutated records of the four streams and reports",
            "crashes, dead letters and agreement with the JSON Schemas."
        })
public final class FuzzCommand implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--inputs",
            paramLabel = "N",
            defaultValue = "1000000",
            description =
                    "Inputs in all, spread over the four streams (default: ${DEFAULT-VALUE}).")
    long inputs;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "1",
            description =
                    "Random seed; the same seed gives the same inputs (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            description = "Also write the report as JSON to FILE.")
    Path report;

    @Override
    public Integer call() throws IOException {
        if (inputs < 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--inputs must be at least 1: " + inputs);
        }
        PrintWriter out = spec.commandLine().getOut();
        ParserFuzzer fuzzer = new ParserFuzzer();
        long step = Math.max(10_000, inputs / 10 / 10_000 * 10_000);
        FuzzReport r =
                fuzzer.run(
                        inputs,
                        seed,
                        done -> {
                            if (done % step == 0 && done < inputs) {
                                out.printf("%,d of %,d inputs%n", done, inputs);
                                out.flush();
                            }
                        });
        out.print(r.text());
        out.flush();
        if (report != null) {
            Files.writeString(report, r.json(), StandardCharsets.UTF_8);
        }
        return r.findings() == 0 ? 0 : 1;
    }
}
