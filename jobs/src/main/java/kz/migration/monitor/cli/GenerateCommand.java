package kz.migration.monitor.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import kz.migration.monitor.generator.GeneratedRecordSink;
import kz.migration.monitor.generator.GeneratorSettings;
import kz.migration.monitor.generator.JsonlFileSink;
import kz.migration.monitor.generator.KafkaRecordSink;
import kz.migration.monitor.generator.PacedSink;
import kz.migration.monitor.generator.TrafficGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code generate}: seeded, realistic migration traffic, written as the contract's JSONL files or
 * produced to the four Kafka input topics.
 */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Generates deterministic migration traffic (border crossings, registrations,",
            "employment, reference data) into JSONL files or Kafka topics."
        })
public final class GenerateCommand implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "Write border-crossings.jsonl, registrations.jsonl, employment.jsonl and"
                            + " reference-data.jsonl into DIR.")
    Path out;

    @Option(
            names = "--bootstrap",
            paramLabel = "SERVERS",
            description =
                    "Produce to the Kafka topics border-crossings, registrations, employment,"
                            + " reference-data.")
    String bootstrap;

    @Option(
            names = "--days",
            paramLabel = "N",
            defaultValue = "1",
            description = "Days to generate (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "1",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--start",
            paramLabel = "DATE",
            defaultValue = "2026-01-01",
            description = "First day, ISO date (default: ${DEFAULT-VALUE}).")
    LocalDate start;

    @Option(
            names = "--scale",
            paramLabel = "N",
            defaultValue = "80000",
            description =
                    "Border events per day on average (default: ${DEFAULT-VALUE}, the national"
                            + " design load).")
    int scale;

    @Option(
            names = "--rate",
            paramLabel = "N",
            defaultValue = "0",
            description =
                    "With --bootstrap: at most N records per second; 0 = unthrottled (default).")
    double rate;

    @Option(
            names = "--speedup",
            paramLabel = "N",
            description =
                    "With --bootstrap: replay event time at N simulated seconds per real second;"
                            + " overrides --rate.")
    Double speedup;

    @Option(
            names = "--malformed",
            paramLabel = "SHARE",
            defaultValue = "0",
            description =
                    "Share of records followed by an invalid one (default: ${DEFAULT-VALUE}).")
    double malformed;

    @Option(
            names = "--duplicates",
            paramLabel = "SHARE",
            defaultValue = "0",
            description =
                    "Share of records sent twice with the same eventId (default:"
                            + " ${DEFAULT-VALUE}).")
    double duplicates;

    @Option(
            names = "--late",
            paramLabel = "SHARE",
            defaultValue = "0",
            description =
                    "Share of records delivered 1-10 minutes late (default: ${DEFAULT-VALUE}).")
    double late;

    @Option(
            names = "--out-of-order",
            paramLabel = "SHARE",
            defaultValue = "0",
            description =
                    "Share of records delivered a few seconds out of order (default:"
                            + " ${DEFAULT-VALUE}).")
    double outOfOrder;

    @picocli.CommandLine.Mixin KafkaSecurityOptions security;

    @Option(
            names = "--kafka-secrets",
            paramLabel = "DIR",
            description =
                    "With --bootstrap on a secure broker: write each input topic as its own"
                            + " producer (border-control, residence-register, labour-ministry,"
                            + " reference-admin), with DIR/<producer>.properties as"
                            + " deploy/security/generate-secrets.sh writes them.")
    java.nio.file.Path kafkaSecrets;

    @Override
    public Integer call() throws Exception {
        GeneratorSettings settings = settings();
        long started = System.nanoTime();
        Map<String, Long> counts;
        if (out != null) {
            try (JsonlFileSink sink = new JsonlFileSink(out)) {
                counts = new TrafficGenerator(settings).generate(sink);
            }
        } else {
            try (KafkaRecordSink kafka = new KafkaRecordSink(bootstrap, clientProperties())) {
                counts = new TrafficGenerator(settings).generate(paced(kafka));
            }
        }
        printSummary(counts, (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private java.util.function.Function<String, Map<String, String>> clientProperties() {
        if (kafkaSecrets != null && security.file != null) {
            throw userError("give at most one of --kafka-properties and --kafka-secrets");
        }
        if (kafkaSecrets == null) {
            Map<String, String> all = security.clientProperties();
            return topic -> all;
        }
        return producerPrincipals(kafkaSecrets);
    }

    /** Each input topic's settings: those of its producer principal in {@code secrets}. */
    static java.util.function.Function<String, Map<String, String>> producerPrincipals(
            java.nio.file.Path secrets) {
        Map<String, Map<String, String>> byTopic = new java.util.HashMap<>();
        kz.migration.monitor.kafka.MonitorAcls.PRODUCERS.forEach(
                (principal, topic) ->
                        byTopic.put(
                                topic,
                                kz.migration.monitor.kafka.KafkaClientProperties.load(
                                        secrets.resolve(principal + ".properties"))));
        return topic -> {
            Map<String, String> settings = byTopic.get(topic);
            if (settings == null) {
                throw new IllegalArgumentException("no producer principal writes " + topic);
            }
            return settings;
        };
    }

    private GeneratorSettings settings() {
        if ((out == null) == (bootstrap == null)) {
            throw userError("give exactly one of --out DIR or --bootstrap SERVERS");
        }
        if (rate < 0) {
            throw userError("--rate must be 0 (unthrottled) or positive: " + rate);
        }
        if (speedup != null && !(speedup > 0)) {
            throw userError("--speedup must be positive: " + speedup);
        }
        if (out != null && (speedup != null || rate > 0)) {
            throw userError(
                    "--rate and --speedup pace Kafka production; they do not apply to --out");
        }
        try {
            return new GeneratorSettings(
                    seed, start, days, scale, late, outOfOrder, duplicates, malformed);
        } catch (IllegalArgumentException e) {
            throw userError(e.getMessage());
        }
    }

    private GeneratedRecordSink paced(GeneratedRecordSink sink) {
        if (speedup != null) {
            return PacedSink.byEventTime(sink, speedup);
        }
        return rate > 0 ? PacedSink.atRate(sink, rate) : sink;
    }

    private void printSummary(Map<String, Long> counts, double seconds) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        var stdout = spec.commandLine().getOut();
        stdout.printf(
                "generated %,d records in %.1f s (%,.0f records/s) to %s%n",
                total, seconds, total / Math.max(seconds, 1e-9), out != null ? out : bootstrap);
        counts.forEach((stream, n) -> stdout.printf("  %-17s %,d%n", stream, n));
        stdout.flush();
    }

    /** Reported by MonitorCli's handler as one {@code error:} line, without the usage text. */
    private static IllegalArgumentException userError(String message) {
        return new IllegalArgumentException(message);
    }
}
