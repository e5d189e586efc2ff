package kz.migration.monitor.cli;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import kz.migration.monitor.alertmanager.AlertForwarder;
import kz.migration.monitor.alertmanager.MetricsEndpoint;
import kz.migration.monitor.event.KazakhstanTime;
import kz.migration.monitor.event.Topics;
import kz.migration.monitor.generator.GeneratedRecordSink;
import kz.migration.monitor.generator.GeneratorSettings;
import kz.migration.monitor.generator.KafkaRecordSink;
import kz.migration.monitor.generator.PacedSink;
import kz.migration.monitor.generator.TrafficGenerator;
import kz.migration.monitor.job.KafkaInputs;
import kz.migration.monitor.job.MonitorSettings;
import kz.migration.monitor.job.StateChangelog;
import kz.migration.monitor.job.StreamingJob;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.kafka.EmbeddedKafka;
import kz.migration.monitor.kafka.MonitorAcls;
import kz.migration.monitor.kafka.SecretsGenerator;
import kz.migration.monitor.metrics.PrometheusReporting;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the whole monitor on one machine. An embedded Kafka broker, generated traffic, the
 * streaming job on a Flink MiniCluster with its web UI, its metrics and the domain metrics on
 * Flink's Prometheus reporter, and a live summary every few seconds read from there. Ctrl-C stops
 * it cleanly.
 *
 * <p>The first simulated weeks are a history, generated into the broker as fast as it takes them,
 * then processed by the job as fast as it can: by the time the job's event time has passed it,
 * every alert type of the contract has been raised (the generator's storylines make sure of that)
 * and committed. The traffic then goes on live, in accelerated time. Log output goes to a file the
 * banner names, so the console shows only the demo's own lines.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description =
                "Runs the monitor on an embedded Kafka broker and a Flink MiniCluster with"
                        + " generated traffic.")
public final class DemoCommand implements Callable<Integer> {

    /**
     * Longer than the job's start-up takes on a busy machine: a partition silent for this long no
     * longer holds the watermark back, and one that has not yet been read at start must not count
     * as silent, or the others carry the watermark past its first records (measured: 35 late
     * records of the first day at 10 s on a loaded machine). Live, every partition gets a record
     * every few seconds at the default scale and speed-up, so this costs no lag there.
     */
    private static final Duration IDLENESS = Duration.ofSeconds(30);

    private static final String JOB_GROUP = "migration-monitor-demo";
    private static final String FORWARDER_GROUP = "demo-alert-forwarder";

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
            names = "--history-days",
            defaultValue = "60",
            description =
                    "Simulated days fast-forwarded before the traffic goes live; 30 or more raise"
                            + " every alert type (default: ${DEFAULT-VALUE}).")
    int historyDays;

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

    @Option(
            names = "--secure",
            description =
                    "Start the broker with TLS, SCRAM logins and ACLs (secrets generated into the"
                        + " demo's folder by generate-secrets.sh); the generator, the job and the"
                        + " forwarder then log in as their own principals.")
    boolean secure;

    @picocli.CommandLine.Mixin RuleOptions rules;

    private boolean everyTypeReported;

    @Override
    public Integer call() throws Exception {
        if (historyDays < 0 || historyDays >= days) {
            throw new IllegalArgumentException(
                    "--history-days must be between 0 and --days - 1: " + historyDays);
        }
        Path work = Files.createTempDirectory("migration-monitor-demo");
        Path log = work.resolve("monitor.log");
        // Read by log4j2.xml when logging starts, which is after this line: library warnings and
        // stack traces go to the file, not over the summary.
        System.setProperty("migration.monitor.log", log.toString());
        System.setProperty("migration.monitor.console", "OFF");
        String key = System.getenv(Pseudonymiser.KEY_VARIABLE);
        Pseudonymiser pseudonymiser =
                new Pseudonymiser(key == null || key.isEmpty() ? Pseudonymiser.DEMO_KEY : key);
        CountDownLatch stopped = new CountDownLatch(1);
        EmbeddedKafka.Options brokerOptions = EmbeddedKafka.Options.defaults().withPort(kafkaPort);
        Path secrets = work.resolve("kafka-secrets");
        if (secure) {
            SecretsGenerator.generate(secrets);
            brokerOptions =
                    brokerOptions.withSecurity(
                            secrets, new MonitorAcls.Groups(JOB_GROUP, FORWARDER_GROUP));
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(brokerOptions)) {
            kafka.createTopics(2, Topics.all().toArray(String[]::new));

            GeneratorSettings traffic =
                    new GeneratorSettings(seed, start, days, scale, 0.0005, 0.01, 0.002, 0.001);
            Instant live = KazakhstanTime.startOf(start.plusDays(historyDays));
            AtomicLong generatedUpTo = new AtomicLong(Long.MIN_VALUE);
            CountDownLatch historyWritten = new CountDownLatch(1);
            Thread generator =
                    new Thread(
                            () ->
                                    generate(
                                            kafka.bootstrapServers(),
                                            secure
                                                    ? GenerateCommand.producerPrincipals(secrets)
                                                    : topic -> Map.of(),
                                            traffic,
                                            live,
                                            generatedUpTo,
                                            historyWritten),
                            "demo-traffic");
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
                                FORWARDER_GROUP,
                                AlertForwarder.stateTopic(FORWARDER_GROUP),
                                alertmanager,
                                forwarderMetrics.registry(),
                                kafka.clientProperties(MonitorAcls.FORWARDER));
                Thread t = new Thread(forwarder, "demo-alert-forwarder");
                t.setDaemon(true);
                t.start();
            }
            AlertForwarder forwarding = forwarder;
            AtomicReference<JobClient> running = new AtomicReference<>();
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        stopped.countDown();
                                        if (forwarding != null) {
                                            forwarding.close();
                                        }
                                        try {
                                            if (running.get() != null) {
                                                running.get().cancel().get(30, TimeUnit.SECONDS);
                                            }
                                        } catch (Exception e) {
                                            // Already stopped (the run ended by --duration):
                                            // nothing left to cancel.
                                        }
                                    },
                                    "demo-stop"));

            System.out.printf(
                    "migration monitor demo%n  Flink web UI   http://localhost:%d%n  Kafka broker  "
                            + " %s%n  metrics        http://localhost:%d/metrics (Flink and"
                            + " domain)%n%s  log            %s%n  traffic        %,d border events"
                            + " a simulated day from %s: %d days of history as fast as they go,"
                            + " then live at %.0fx%n  Ctrl-C stops.%n",
                    webPort,
                    kafka.bootstrapServers()
                            + (secure
                                    ? " (SASL_SSL; operators' client settings: "
                                            + secrets.resolve(MonitorAcls.OPERATORS + ".properties")
                                            + ")"
                                    : ""),
                    flinkMetricsPort,
                    forwarderMetrics == null
                            ? ""
                            : String.format(
                                    "  forwarder      http://localhost:%d/metrics%n",
                                    forwarderMetrics.port()),
                    log,
                    scale,
                    start,
                    historyDays,
                    speedup);
            System.out.flush();
            long deadline =
                    duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
            // The job starts on the whole history: read while it is still being written, a reader
            // that the writer leaves without records longer than the idleness (a busy machine)
            // would let the others carry the watermark past its records.
            long began = System.nanoTime();
            if (!awaitHistoryWritten(historyWritten, live, generatedUpTo, stopped, deadline)) {
                if (forwarder != null) {
                    forwarder.close();
                    forwarderMetrics.close();
                }
                return 0;
            }
            Configuration conf = new Configuration();
            conf.set(RestOptions.PORT, webPort);
            conf.addAll(new PrometheusReporting(String.valueOf(flinkMetricsPort)).configuration());
            StreamingJob job =
                    new StreamingJob(
                            new KafkaInputs.Config(
                                            kafka.bootstrapServers(),
                                            "",
                                            JOB_GROUP,
                                            true,
                                            Duration.ofMinutes(5),
                                            IDLENESS,
                                            false)
                                    .withClientProperties(
                                            kafka.clientProperties(MonitorAcls.MONITOR)),
                            "",
                            rules.applyTo(MonitorSettings.streaming(pseudonymiser)),
                            2,
                            Duration.ofSeconds(5),
                            work.resolve("checkpoints").toUri().toString(),
                            "hashmap",
                            StateChangelog.OFF);
            conf.addAll(job.configuration());
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
            JobClient client = job.start(env);
            running.set(client);
            DemoSummary summary =
                    new DemoSummary(
                            URI.create("http://127.0.0.1:" + flinkMetricsPort + "/metrics"));
            if (historyDays > 0
                    && fastForward(
                            new JobProgress(webPort, client.getJobID()),
                            summary,
                            live,
                            began,
                            stopped,
                            deadline)) {
                printSummary(summary);
            }
            while (System.nanoTime() < deadline
                    && !stopped.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                printSummary(summary);
            }
            if (forwarder != null) {
                forwarder.close();
                forwarderMetrics.close();
            }
            client.cancel().get(30, TimeUnit.SECONDS);
        }
        return 0;
    }

    /**
     * Shows the history's progress, with the summary, every interval until the job's event time has
     * passed {@code live} and a checkpoint taken after that has completed, so that all the
     * history's alerts are committed.
     *
     * @return whether the history was caught up (false: stopped or out of time first)
     */
    private boolean fastForward(
            JobProgress progress,
            DemoSummary summary,
            Instant live,
            long began,
            CountDownLatch stopped,
            long deadline)
            throws InterruptedException {
        long processing = System.nanoTime();
        Instant passedAt = null;
        long lastLine = System.nanoTime();
        while (System.nanoTime() < deadline && !stopped.await(1, TimeUnit.SECONDS)) {
            Optional<Instant> eventTime = progress.eventTime();
            if (passedAt == null && eventTime.isPresent() && !eventTime.get().isBefore(live)) {
                passedAt = Instant.now();
            }
            if (passedAt != null
                    && progress.lastCheckpointTriggered().filter(passedAt::isBefore).isPresent()) {
                System.out.printf(
                        "history caught up: %d simulated days (%s to %s) written, processed and"
                                + " committed in %.0f s (%.0f s of processing), %.0f s after the"
                                + " start; live from here at %.0fx%n",
                        historyDays,
                        start,
                        start.plusDays(historyDays).minusDays(1),
                        (System.nanoTime() - began) / 1e9,
                        (System.nanoTime() - processing) / 1e9,
                        ManagementFactory.getRuntimeMXBean().getUptime() / 1e3,
                        speedup);
                return true;
            }
            if (System.nanoTime() - lastLine < interval.toNanos()) {
                continue;
            }
            lastLine = System.nanoTime();
            System.out.printf(
                    "history: monitor at %s, %.0f s%n",
                    eventTime.map(t -> KazakhstanTime.dateOf(t).toString()).orElse("-"),
                    (System.nanoTime() - processing) / 1e9);
            printSummary(summary);
        }
        return false;
    }

    /** The summary, and once every alert type has been raised a line that says when. */
    private void printSummary(DemoSummary summary) throws InterruptedException {
        System.out.print(summary.render());
        if (!everyTypeReported && summary.everyAlertTypeRaised()) {
            everyTypeReported = true;
            System.out.printf(
                    "every alert type of the contract raised, %.0f s after the start%n",
                    ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
        }
        System.out.flush();
    }

    /**
     * Shows how far the history has been written to Kafka until all of it is.
     *
     * @return false when stopped or out of time first
     */
    private boolean awaitHistoryWritten(
            CountDownLatch historyWritten,
            Instant live,
            AtomicLong generatedUpTo,
            CountDownLatch stopped,
            long deadline)
            throws InterruptedException {
        long began = System.nanoTime();
        while (!historyWritten.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
            if (stopped.getCount() == 0 || System.nanoTime() > deadline) {
                return false;
            }
            System.out.printf(
                    "history: writing %s to Kafka (%.0f%%), %.0f s%n",
                    generatedDate(generatedUpTo.get(), live),
                    historyShare(generatedUpTo.get(), live),
                    (System.nanoTime() - began) / 1e9);
            System.out.flush();
        }
        System.out.printf(
                "history: written in %.0f s; the monitor starts on it%n",
                (System.nanoTime() - began) / 1e9);
        System.out.flush();
        return true;
    }

    private String generatedDate(long generated, Instant live) {
        return generated == Long.MIN_VALUE
                ? "-"
                : KazakhstanTime.dateOf(Math.min(generated, live.toEpochMilli() - 1)).toString();
    }

    private double historyShare(long generated, Instant live) {
        long from = KazakhstanTime.startOf(start).toEpochMilli();
        return generated == Long.MIN_VALUE
                ? 0.0
                : Math.min(100.0, 100.0 * (generated - from) / (live.toEpochMilli() - from));
    }

    private void generate(
            String bootstrap,
            Function<String, Map<String, String>> clientProperties,
            GeneratorSettings settings,
            Instant live,
            AtomicLong generatedUpTo,
            CountDownLatch historyWritten) {
        try (KafkaRecordSink sink = new KafkaRecordSink(bootstrap, clientProperties)) {
            GeneratedRecordSink tracked =
                    (stream, key, json, occurredAt) -> {
                        if (!occurredAt.isBefore(live)) {
                            historyWritten.countDown();
                        }
                        sink.accept(stream, key, json, occurredAt);
                        generatedUpTo.accumulateAndGet(occurredAt.toEpochMilli(), Math::max);
                    };
            new TrafficGenerator(settings).generate(PacedSink.byEventTime(tracked, speedup, live));
        } catch (RuntimeException e) {
            System.err.println("traffic stopped: " + e.getMessage());
        } finally {
            historyWritten.countDown();
        }
    }
}
