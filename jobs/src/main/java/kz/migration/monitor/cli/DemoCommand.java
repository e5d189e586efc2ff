package kz.migration.monitor.cli;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kz.migration.monitor.alertmanager.AlertForwarder;
import kz.migration.monitor.alertmanager.MetricsEndpoint;
import kz.migration.monitor.event.Topics;
import kz.migration.monitor.generator.GeneratorSettings;
import kz.migration.monitor.generator.KafkaRecordSink;
import kz.migration.monitor.generator.PacedSink;
import kz.migration.monitor.generator.TrafficGenerator;
import kz.migration.monitor.job.KafkaInputs;
import kz.migration.monitor.job.MonitorSettings;
import kz.migration.monitor.job.StreamingJob;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.kafka.EmbeddedKafka;
import kz.migration.monitor.metrics.PrometheusReporting;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the whole monitor on one machine. An embedded Kafka broker, generated traffic in
 * accelerated time, the streaming job on a Flink MiniCluster with its web UI, its metrics and the
 * domain metrics on Flink's Prometheus reporter, and a live summary every few seconds read from
 * there. Ctrl-C stops it cleanly.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description =
                "Runs the monitor on an embedded Kafka broker and a Flink MiniCluster with"
                        + " generated traffic.")
public final class DemoCommand implements Callable<Integer> {

    @Option(
            names = "--kafka-port",
            defaultValue = "9092",
            description = "Broker port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(
            names = "--web-port",
            defaultValue = "8081",
            description = "Flink web UI port (default: ${DEFAULT-VALUE}).")
    int webPort;

    @Option(
            names = "--metrics-port",
            defaultValue = "9400",
            description =
                    "Port of the alert forwarder's /metrics, with --alertmanager (default:"
                            + " ${DEFAULT-VALUE}).")
    int metricsPort;

    @Option(
            names = "--flink-metrics-port",
            defaultValue = "9249",
            description =
                    "Port of Flink's Prometheus reporter: the job's metrics and the domain"
                            + " metrics (default: ${DEFAULT-VALUE}).")
    int flinkMetricsPort;

    @Option(
            names = "--scale",
            defaultValue = "20000",
            description =
                    "Border events per simulated day (default: ${DEFAULT-VALUE}; 80000 is the"
                            + " national design load).")
    int scale;

    @Option(
            names = "--speedup",
            defaultValue = "3600",
            description =
                    "Simulated seconds per real second (default: ${DEFAULT-VALUE}: a day in 24 s).")
    double speedup;

    @Option(
            names = "--days",
            defaultValue = "365",
            description = "Simulated days to generate (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(
            names = "--start",
            defaultValue = "2026-01-01",
            description = "First simulated day (default: ${DEFAULT-VALUE}).")
    LocalDate start;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "Traffic seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--interval",
            defaultValue = "PT5S",
            description = "Summary interval (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(
            names = "--duration",
            description = "Stop by itself after this long, e.g. PT2M (default: run until Ctrl-C).")
    Duration duration;

    @Option(
            names = "--alertmanager",
            description = "Also forward alerts to this Alertmanager, e.g. http://localhost:9093.")
    URI alertmanager;

    @picocli.CommandLine.Mixin RuleOptions rules;

    @Override
    public Integer call() throws Exception {
        String key = System.getenv(Pseudonymiser.KEY_VARIABLE);
        Pseudonymiser pseudonymiser =
                new Pseudonymiser(key == null || key.isEmpty() ? Pseudonymiser.DEMO_KEY : key);
        Path work = Files.createTempDirectory("migration-monitor-demo");
        CountDownLatch stopped = new CountDownLatch(1);
        try (EmbeddedKafka kafka =
                EmbeddedKafka.start(EmbeddedKafka.Options.defaults().withPort(kafkaPort))) {
            kafka.createTopics(2, Topics.all().toArray(String[]::new));
            Configuration conf = new Configuration();
            conf.set(RestOptions.PORT, webPort);
            conf.addAll(new PrometheusReporting(String.valueOf(flinkMetricsPort)).configuration());
            StreamingJob job =
                    new StreamingJob(
                            new KafkaInputs.Config(
                                    kafka.bootstrapServers(),
                                    "",
                                    "migration-monitor-demo",
                                    true,
                                    Duration.ofMinutes(5),
                                    Duration.ofSeconds(10),
                                    false),
                            "",
                            rules.applyTo(MonitorSettings.streaming(pseudonymiser)),
                            2,
                            Duration.ofSeconds(5),
                            work.resolve("checkpoints").toUri().toString(),
                            "hashmap");
            conf.addAll(job.configuration());
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
            JobClient client = job.start(env);

            GeneratorSettings traffic =
                    new GeneratorSettings(seed, start, days, scale, 0.0005, 0.01, 0.002, 0.001);
            Thread generator =
                    new Thread(() -> generate(kafka.bootstrapServers(), traffic), "demo-traffic");
            generator.setDaemon(true);
            generator.start();

            AlertForwarder forwarder = null;
            MetricsEndpoint forwarderMetrics = null;
            if (alertmanager != null) {
                forwarderMetrics = MetricsEndpoint.start(new InetSocketAddress(metricsPort));
                forwarder =
                        AlertForwarder.forBroker(
                                kafka.bootstrapServers(),
                                Topics.ALERTS,
                                "demo-alert-forwarder",
                                alertmanager,
                                forwarderMetrics.registry());
                Thread t = new Thread(forwarder, "demo-alert-forwarder");
                t.setDaemon(true);
                t.start();
            }
            AlertForwarder forwarding = forwarder;
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        stopped.countDown();
                                        if (forwarding != null) {
                                            forwarding.close();
                                        }
                                        try {
                                            client.cancel().get(30, TimeUnit.SECONDS);
                                        } catch (Exception e) {
                                            // Already stopped (the run ended by --duration):
                                            // nothing left to cancel.
                                        }
                                    },
                                    "demo-stop"));

            System.out.printf(
                    "migration monitor demo%n  Flink web UI   http://localhost:%d%n  Kafka broker  "
                            + " %s%n  metrics        http://localhost:%d/metrics (Flink and"
                            + " domain)%n%s  traffic        %,d border events a simulated day from"
                            + " %s at %.0fx%n  Ctrl-C stops.%n",
                    webPort,
                    kafka.bootstrapServers(),
                    flinkMetricsPort,
                    forwarderMetrics == null
                            ? ""
                            : String.format(
                                    "  forwarder      http://localhost:%d/metrics%n",
                                    forwarderMetrics.port()),
                    scale,
                    start,
                    speedup);
            DemoSummary summary =
                    new DemoSummary(
                            URI.create("http://127.0.0.1:" + flinkMetricsPort + "/metrics"));
            long deadline =
                    duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
            while (!stopped.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                System.out.print(summary.render());
                System.out.flush();
                if (System.nanoTime() > deadline) {
                    break;
                }
            }
            if (forwarder != null) {
                forwarder.close();
                forwarderMetrics.close();
            }
            client.cancel().get(30, TimeUnit.SECONDS);
        }
        return 0;
    }

    private void generate(String bootstrap, GeneratorSettings settings) {
        try (KafkaRecordSink sink = new KafkaRecordSink(bootstrap)) {
            new TrafficGenerator(settings).generate(PacedSink.byEventTime(sink, speedup));
        } catch (RuntimeException e) {
            System.err.println("traffic stopped: " + e.getMessage());
        }
    }
}
