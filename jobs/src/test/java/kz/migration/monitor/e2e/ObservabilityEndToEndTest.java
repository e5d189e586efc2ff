package kz.migration.monitor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kz.migration.monitor.alertmanager.AlertForwarder;
import kz.migration.monitor.alertmanager.AlertmanagerAlert;
import kz.migration.monitor.alertmanager.AlertmanagerClient;
import kz.migration.monitor.alertmanager.MetricsEndpoint;
import kz.migration.monitor.event.Topics;
import kz.migration.monitor.generator.GeneratedRecordSink;
import kz.migration.monitor.generator.GeneratorSettings;
import kz.migration.monitor.generator.KafkaRecordSink;
import kz.migration.monitor.generator.TrafficGenerator;
import kz.migration.monitor.job.KafkaInputs;
import kz.migration.monitor.job.MonitorSettings;
import kz.migration.monitor.job.StateChangelog;
import kz.migration.monitor.job.StreamingJob;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.metrics.PrometheusReporting;
import kz.migration.monitor.metrics.ReportedMetrics;
import kz.migration.monitor.testsupport.AlertmanagerProcess;
import kz.migration.monitor.testsupport.ExternalTools;
import kz.migration.monitor.testsupport.KafkaBrokerExtension;
import kz.migration.monitor.testsupport.ToolProcess;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Acceptance test of the observability stack (issue 5), all real and on this machine: an embedded
 * Kafka broker, the streaming job on a Flink MiniCluster with Flink's Prometheus reporter (its own
 * metrics and the domain metrics), Prometheus (Debian package) with the project's configuration,
 * relabelling and rules, Alertmanager (Debian package) with the project's routing, and the alert
 * forwarder with its metrics endpoint.
 *
 * <p>Input is generated traffic for January to mid-March 2026 plus hand-made records, merged in
 * event-time order, so that every dashboard panel has data: overstays (one ended by an exit), quota
 * warnings and breaches, an unauthorised hire, a relocation contract breached by a return, an
 * inflow surge, moves to the three cities, an unmatched exit, dead letters and a late event.
 *
 * <p>It then checks that every query of every Grafana dashboard returns data from Prometheus, and
 * that Alertmanager holds the job's alerts with the routing labels, an ended overstay resolved.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityEndToEndTest {

    @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pseudonymiser PSEUDONYMS = new Pseudonymiser("observability-e2e-key");
    private static final String LOOPBACK = "127.0.0.1";

    /**
     * A TJK visitor (30 days per entry) who overstays 20 days and then leaves: OVERSTAY 1, 4, 11,
     * OVERSTAY_ENDED.
     */
    private static final String ENDED_OVERSTAYER = "E2E-OVERSTAY-ENDED";

    /** A UZB visitor who overstays and is still present: open OVERSTAY alerts. */
    private static final String PRESENT_OVERSTAYER = "E2E-OVERSTAY-PRESENT";

    private static final Path REPO = ExternalTools.repoRoot();

    private static Path work;
    private static int flinkMetricsPort;
    private static MetricsEndpoint forwarderMetrics;
    private static JobClient job;
    private static AlertmanagerProcess alertmanager;
    private static AlertForwarder forwarder;
    private static Thread forwarderThread;
    private static ToolProcess prometheus;
    private static URI prometheusUri;

    @BeforeAll
    static void startMonitor() throws Exception {
        // Fail fast, before anything runs, if a tool cannot be installed.
        ExternalTools.require("prometheus");
        ExternalTools.require("prometheus-alertmanager");
        work = Files.createTempDirectory("observability-e2e");

        // Three partitions, as docker-compose creates them; the forwarder must then cope with an
        // OVERSTAY_ENDED read before its OVERSTAY (alerts are keyed by alertId).
        KAFKA.createTopics(3, Topics.all().toArray(String[]::new));
        // All input is in Kafka before the job starts. Produced while the job runs, a partition
        // still empty would be idle after the idleness timeout, the others would carry the
        // watermark past it, and its records would all arrive late.
        produceTraffic();

        forwarderMetrics =
                MetricsEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

        alertmanager =
                AlertmanagerProcess.start(
                        Files.readString(REPO.resolve("dashboards/alertmanager/alertmanager.yml")),
                        ExternalTools.freePort());
        forwarder =
                AlertForwarder.forBroker(
                        KAFKA.bootstrapServers(),
                        Topics.ALERTS,
                        "observability-e2e-forwarder",
                        alertmanager.uri(),
                        forwarderMetrics.registry());
        forwarderThread = new Thread(forwarder, "e2e-alert-forwarder");
        forwarderThread.setDaemon(true);
        forwarderThread.start();

        job = startJob();

        Path promDir = Files.createDirectories(work.resolve("prometheus"));
        writePrometheusConfig(promDir, alertmanager.uri().getPort());
        int port = ExternalTools.freePort();
        prometheusUri = URI.create("http://" + LOOPBACK + ":" + port);
        prometheus =
                ToolProcess.start(
                        "prometheus",
                        promDir,
                        prometheusUri.resolve("/-/ready"),
                        "--config.file=" + promDir.resolve("prometheus.yml"),
                        "--storage.tsdb.path=" + promDir.resolve("data"),
                        "--web.listen-address=" + LOOPBACK + ":" + port);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        // Each step on its own, so one failure still stops the rest.
        List<Throwable> errors = new ArrayList<>();
        run(
                errors,
                () -> {
                    if (prometheus != null) prometheus.close();
                });
        run(
                errors,
                () -> {
                    if (forwarder != null) forwarder.close();
                });
        run(
                errors,
                () -> {
                    if (forwarderMetrics != null) forwarderMetrics.close();
                });
        run(
                errors,
                () -> {
                    if (job != null) job.cancel().get(30, TimeUnit.SECONDS);
                });
        run(
                errors,
                () -> {
                    if (alertmanager != null) alertmanager.close();
                });
        run(
                errors,
                () -> {
                    if (work != null) {
                        try (Stream<Path> files = Files.walk(work)) {
                            files.sorted(Comparator.reverseOrder())
                                    .forEach(p -> p.toFile().delete());
                        }
                    }
                });
        if (!errors.isEmpty()) {
            AssertionError e = new AssertionError("stopping the stack failed");
            errors.forEach(e::addSuppressed);
            throw e;
        }
    }

    @Test
    @Order(1)
    void everyDashboardQueryReturnsData() throws Exception {
        List<DashboardQueries.Query> queries =
                DashboardQueries.of(REPO.resolve("dashboards/grafana/dashboards"));
        assertThat(queries).hasSizeGreaterThan(30);

        // The late event can only be late once the watermark has moved well past it: send it once
        // the job has evaluated the hand-made records of March.
        awaitCommittedAlert(
                "CONTRACT_BREACH", PSEUDONYMS.subjectRef("E2E-RETURNEE"), Duration.ofSeconds(90));
        try (KafkaRecordSink sink = new KafkaRecordSink(KAFKA.bootstrapServers())) {
            crossing(
                    sink,
                    "e2e-late",
                    "2026-01-15T10:00",
                    "E2E-LATE",
                    "UZB",
                    "ENTRY",
                    "ZHIBEK-ZHOLY",
                    "KZ-61",
                    "Saryagash");
        }
        awaitTrue("the late event to be counted", Duration.ofSeconds(30), () -> lateEvents() > 0);

        List<DashboardQueries.Query> empty = queries;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(75));
        while (!empty.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(1_000);
            List<DashboardQueries.Query> stillEmpty = new ArrayList<>();
            for (DashboardQueries.Query q : empty) {
                if (!hasData(q.expr())) {
                    stillEmpty.add(q);
                }
            }
            empty = stillEmpty;
        }
        if (!empty.isEmpty()) {
            fail(
                    "dashboard queries without data:\n  "
                            + empty.stream()
                                    .map(Object::toString)
                                    .collect(Collectors.joining("\n  "))
                            + "\nFlink exports: "
                            + metricNames(flinkMetricsPort, "flink_(jobmanager|taskmanager)")
                            + "\nDomain metrics: "
                            + domainMetricNames()
                            + "\nPrometheus targets: "
                            + get(prometheusUri.resolve("/api/v1/targets?state=active")));
        }
        // The traffic has no record later than the allowed lateness but the one sent above: any
        // other late event means the test's input was not in event-time order.
        assertThat(lateEvents()).as("late events").isEqualTo(1.0);
    }

    @Test
    @Order(2)
    void alertmanagerHoldsTheJobsAlertsAndAnEndedOverstayIsResolved() throws Exception {
        String ended = PSEUDONYMS.subjectRef(ENDED_OVERSTAYER);
        String present = PSEUDONYMS.subjectRef(PRESENT_OVERSTAYER);
        awaitCommittedAlert("OVERSTAY_ENDED", ended, Duration.ofSeconds(90));
        awaitCommittedAlert("OVERSTAY", present, Duration.ofSeconds(30));

        AlertmanagerClient client = new AlertmanagerClient(alertmanager.uri());
        List<JsonNode> committed = committedAlerts();
        assertThat(committed.stream().map(a -> a.path("type").asText()).collect(Collectors.toSet()))
                .as("alert types on the alerts topic")
                .contains(
                        "OVERSTAY",
                        "OVERSTAY_ENDED",
                        "QUOTA_WARNING",
                        "QUOTA_BREACH",
                        "UNAUTHORISED_EMPLOYMENT",
                        "CONTRACT_BREACH",
                        "INFLOW_SURGE");

        // What Alertmanager must hold: every committed alert, except OVERSTAYs that a later
        // OVERSTAY_ENDED of the same person resolved.
        Map<String, Instant> endedAt = new HashMap<>();
        committed.stream()
                .filter(a -> a.path("type").asText().equals("OVERSTAY_ENDED"))
                .forEach(
                        a ->
                                endedAt.merge(
                                        a.path("subjectRef").asText(),
                                        instant(a),
                                        (x, y) -> x.isAfter(y) ? x : y));
        Map<String, JsonNode> expectedActive = new LinkedHashMap<>();
        Set<String> expectedResolved = new TreeSet<>();
        for (JsonNode a : committed) {
            Instant end = endedAt.get(a.path("subjectRef").asText());
            if (a.path("type").asText().equals("OVERSTAY")
                    && end != null
                    && end.isAfter(instant(a))) {
                expectedResolved.add(a.path("alertId").asText());
            } else {
                expectedActive.put(a.path("alertId").asText(), a);
            }
        }
        assertThat(expectedResolved).as("OVERSTAYs ended by an exit").isNotEmpty();

        Map<String, AlertmanagerAlert> active = Map.of();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            active =
                    client.activeAlerts(Map.of()).stream()
                            .filter(a -> a.label("alert_id") != null)
                            .collect(
                                    Collectors.toMap(
                                            a -> a.label("alert_id"), a -> a, (x, y) -> x));
            if (active.keySet().containsAll(expectedActive.keySet())
                    && expectedResolved.stream().noneMatch(active::containsKey)) {
                break;
            }
            Thread.sleep(500);
        }

        for (JsonNode a : expectedActive.values()) {
            AlertmanagerAlert held = active.get(a.path("alertId").asText());
            assertThat(held).as("Alertmanager holds %s", a).isNotNull();
            Map<String, String> labels = new HashMap<>();
            labels.put("alertname", a.path("type").asText());
            labels.put("severity", a.path("severity").asText());
            labels.put("audience", a.path("audience").asText());
            if (a.hasNonNull("region")) {
                labels.put("region", a.path("region").asText());
            }
            assertThat(held.labels()).as("labels of %s", a).containsAllEntriesOf(labels);
        }
        assertThat(active.keySet())
                .as("resolved OVERSTAYs")
                .doesNotContainAnyElementsOf(expectedResolved);

        // The hand-made persons, by name: the ended overstay leaves no open OVERSTAY, only its end.
        assertThat(client.activeAlerts(Map.of("alertname", "OVERSTAY", "subject", ended)))
                .isEmpty();
        assertThat(client.activeAlerts(Map.of("alertname", "OVERSTAY_ENDED", "subject", ended)))
                .singleElement()
                .satisfies(
                        a ->
                                assertThat(a.labels())
                                        .containsEntry("severity", "CRITICAL")
                                        .containsEntry("audience", "SECURITY"));
        assertThat(client.activeAlerts(Map.of("alertname", "OVERSTAY", "subject", present)))
                .extracting(a -> a.label("severity"))
                .containsExactlyInAnyOrder("WARNING", "MAJOR", "CRITICAL");
    }

    // --- the monitor -------------------------------------------------------------------------

    private static JobClient startJob() throws Exception {
        flinkMetricsPort = ExternalTools.freePort();
        StreamingJob streaming =
                new StreamingJob(
                        new KafkaInputs.Config(
                                KAFKA.bootstrapServers(),
                                "",
                                "observability-e2e",
                                true,
                                Duration.ofMinutes(5),
                                Duration.ofSeconds(5),
                                false),
                        "",
                        MonitorSettings.streaming(PSEUDONYMS),
                        2,
                        // Exactly-once outputs are visible only after a checkpoint: check often.
                        Duration.ofSeconds(1),
                        work.resolve("checkpoints").toUri().toString(),
                        "hashmap",
                        StateChangelog.OFF);
        Configuration conf = new Configuration();
        conf.addAll(streaming.configuration());
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        conf.set(RestOptions.ADDRESS, LOOPBACK);
        conf.set(RestOptions.BIND_ADDRESS, LOOPBACK);
        conf.set(RestOptions.BIND_PORT, "0");
        conf.addAll(new PrometheusReporting(String.valueOf(flinkMetricsPort)).configuration());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
        return streaming.start(env);
    }

    /**
     * Generated traffic and the hand-made records, merged in event-time order: a hand-made record
     * sent after traffic a month ahead of it would be late and become a dead letter.
     */
    private static void produceTraffic() {
        List<HandMade> handMade = handMadeRecords();
        handMade.sort(Comparator.comparing(HandMade::occurredAt));
        GeneratorSettings settings =
                new GeneratorSettings(7, LocalDate.of(2026, 1, 1), 74, 600, 0, 0.01, 0.005, 0.002);
        try (KafkaRecordSink sink = new KafkaRecordSink(KAFKA.bootstrapServers())) {
            int[] next = {0};
            GeneratedRecordSink merged =
                    (stream, key, json, occurredAt) -> {
                        while (next[0] < handMade.size()
                                && !handMade.get(next[0]).occurredAt().isAfter(occurredAt)) {
                            handMade.get(next[0]++).send(sink);
                        }
                        sink.accept(stream, key, json, occurredAt);
                    };
            new TrafficGenerator(settings).generate(merged);
            handMade.subList(next[0], handMade.size()).forEach(h -> h.send(sink));
        }
    }

    /** One hand-made input record. */
    private record HandMade(String stream, String key, String json, Instant occurredAt) {
        void send(GeneratedRecordSink sink) {
            sink.accept(stream, key, json, occurredAt);
        }
    }

    private static List<HandMade> handMadeRecords() {
        List<HandMade> r = new ArrayList<>();
        // Overstays: 30 lawful days from 2 January, unlawful from 1 February.
        r.add(
                crossingRecord(
                        "e2e-ov1-in",
                        "2026-01-02T10:00",
                        ENDED_OVERSTAYER,
                        "TJK",
                        "ENTRY",
                        "ZHIBEK-ZHOLY",
                        "KZ-61",
                        "Saryagash"));
        r.add(
                crossingRecord(
                        "e2e-ov1-out",
                        "2026-02-20T10:00",
                        ENDED_OVERSTAYER,
                        "TJK",
                        "EXIT",
                        "NQZ-AIRPORT",
                        "KZ-71",
                        "Astana"));
        r.add(
                crossingRecord(
                        "e2e-ov2-in",
                        "2026-01-05T10:00",
                        PRESENT_OVERSTAYER,
                        "UZB",
                        "ENTRY",
                        "ALA-AIRPORT",
                        "KZ-75",
                        "Almaty"));
        // An exit nobody entered for.
        r.add(
                crossingRecord(
                        "e2e-ghost",
                        "2026-02-02T09:00",
                        "E2E-GHOST",
                        "KGZ",
                        "EXIT",
                        "KORDAI",
                        "KZ-31",
                        "Kordai"));

        // Quota: a small CAT2 limit in Mangystau from 1 February, then three permits: warning,
        // breach.
        r.add(
                new HandMade(
                        Topics.REFERENCE_DATA,
                        "QUOTA|2026|KZ-47|CAT2",
                        "{\"kind\":\"QUOTA\",\"occurredAt\":\"2026-02-01T00:00:00+05:00\",\"year\":2026,\"region\":\"KZ-47\",\"category\":\"CAT2\",\"limit\":2}",
                        at("2026-02-01T00:00")));
        for (int i = 1; i <= 3; i++) {
            String person = "E2E-WORKER-" + i;
            String when = "2026-02-1" + i + "T10:00";
            r.add(
                    new HandMade(
                            Topics.EMPLOYMENT,
                            person,
                            "{\"eventId\":\"e2e-permit-"
                                    + i
                                    + "\",\"occurredAt\":\""
                                    + when
                                    + ":00+05:00\",\"personId\":\""
                                    + person
                                    + "\",\"citizenship\":\"TUR\",\"kind\":\"PERMIT_ISSUED\",\"region\":\"KZ-47\",\"city\":\"Aktau\","
                                    + "\"permitId\":\"E2E-W"
                                    + i
                                    + "\",\"category\":\"CAT2\",\"permitUntil\":\"2026-12-31\"}",
                            at(when)));
        }
        // A hire without permit or residence.
        r.add(
                new HandMade(
                        Topics.EMPLOYMENT,
                        "E2E-ILLEGAL",
                        "{\"eventId\":\"e2e-hire\",\"occurredAt\":\"2026-02-15T10:00:00+05:00\",\"personId\":\"E2E-ILLEGAL\","
                            + "\"citizenship\":\"CHN\",\"kind\":\"HIRED\",\"region\":\"KZ-35\",\"city\":\"Karaganda\"}",
                        at("2026-02-15T10:00")));

        // A resettlement participant who goes back to the south: CONTRACT_BREACH, returned.
        r.add(
                registrationRecord(
                        "e2e-reloc",
                        "2026-02-03T10:00",
                        "E2E-RETURNEE",
                        "KAZ",
                        "RESIDENCE_CHANGE",
                        "KZ-59",
                        "Petropavl",
                        ",\"previousRegion\":\"KZ-61\",\"previousCity\":\"Turkistan\",\"program\":\"RESETTLEMENT\""));
        r.add(
                registrationRecord(
                        "e2e-return",
                        "2026-03-03T10:00",
                        "E2E-RETURNEE",
                        "KAZ",
                        "RESIDENCE_CHANGE",
                        "KZ-61",
                        "Turkistan",
                        ",\"previousRegion\":\"KZ-59\",\"previousCity\":\"Petropavl\""));
        // Moves to the three cities.
        r.add(
                registrationRecord(
                        "e2e-move-1",
                        "2026-02-04T10:00",
                        "E2E-MOVER-1",
                        "KAZ",
                        "RESIDENCE_CHANGE",
                        "KZ-71",
                        "Astana",
                        ",\"previousRegion\":\"KZ-75\",\"previousCity\":\"Almaty\""));
        r.add(
                registrationRecord(
                        "e2e-move-2",
                        "2026-02-04T11:00",
                        "E2E-MOVER-2",
                        "KAZ",
                        "RESIDENCE_CHANGE",
                        "KZ-75",
                        "Almaty",
                        ",\"previousRegion\":\"KZ-35\",\"previousCity\":\"Karaganda\""));
        r.add(
                registrationRecord(
                        "e2e-move-3",
                        "2026-02-04T12:00",
                        "E2E-MOVER-3",
                        "KAZ",
                        "RESIDENCE_CHANGE",
                        "KZ-79",
                        "Shymkent",
                        ",\"previousRegion\":\"KZ-61\",\"previousCity\":\"Turkistan\""));

        // An inflow surge: a settlement with a threshold of 1 and three arrivals in a day.
        r.add(
                new HandMade(
                        Topics.REFERENCE_DATA,
                        "INFLOW_THRESHOLD|KZ-79|E2E-Kazygurt",
                        "{\"kind\":\"INFLOW_THRESHOLD\",\"occurredAt\":\"2026-02-01T00:00:00+05:00\",\"region\":\"KZ-79\","
                            + "\"city\":\"E2E-Kazygurt\",\"netInflow7d\":1}",
                        at("2026-02-01T00:00")));
        for (int i = 1; i <= 3; i++) {
            r.add(
                    registrationRecord(
                            "e2e-arrival-" + i,
                            "2026-02-05T1" + i + ":00",
                            "E2E-SETTLER-" + i,
                            "KAZ",
                            "PERMANENT_RESIDENCE",
                            "KZ-79",
                            "E2E-Kazygurt",
                            ""));
        }

        // Dead letters: not JSON, and an unknown purpose.
        r.add(
                new HandMade(
                        Topics.BORDER_CROSSINGS,
                        "E2E-BROKEN",
                        "not json at all",
                        at("2026-02-06T10:00")));
        r.add(
                new HandMade(
                        Topics.BORDER_CROSSINGS,
                        "E2E-BROKEN",
                        "{\"eventId\":\"e2e-bad\",\"occurredAt\":\"2026-02-06T10:00:00+05:00\",\"personId\":\"E2E-BROKEN\","
                            + "\"citizenship\":\"UZB\",\"direction\":\"ENTRY\",\"checkpoint\":\"KHORGOS\",\"region\":\"KZ-33\","
                            + "\"purpose\":\"FOO\"}",
                        at("2026-02-06T10:00")));
        return r;
    }

    private static HandMade crossingRecord(
            String id,
            String when,
            String person,
            String citizenship,
            String direction,
            String checkpoint,
            String region,
            String city) {
        return new HandMade(
                Topics.BORDER_CROSSINGS,
                person,
                "{\"eventId\":\""
                        + id
                        + "\",\"occurredAt\":\""
                        + when
                        + ":00+05:00\",\"personId\":\""
                        + person
                        + "\",\"citizenship\":\""
                        + citizenship
                        + "\",\"direction\":\""
                        + direction
                        + "\",\"checkpoint\":\""
                        + checkpoint
                        + "\",\"region\":\""
                        + region
                        + "\",\"city\":\""
                        + city
                        + "\"}",
                at(when));
    }

    private static void crossing(
            GeneratedRecordSink sink,
            String id,
            String when,
            String person,
            String citizenship,
            String direction,
            String checkpoint,
            String region,
            String city) {
        crossingRecord(id, when, person, citizenship, direction, checkpoint, region, city)
                .send(sink);
    }

    private static HandMade registrationRecord(
            String id,
            String when,
            String person,
            String citizenship,
            String kind,
            String region,
            String city,
            String more) {
        return new HandMade(
                Topics.REGISTRATIONS,
                person,
                "{\"eventId\":\""
                        + id
                        + "\",\"occurredAt\":\""
                        + when
                        + ":00+05:00\",\"personId\":\""
                        + person
                        + "\",\"citizenship\":\""
                        + citizenship
                        + "\",\"kind\":\""
                        + kind
                        + "\",\"region\":\""
                        + region
                        + "\",\"city\":\""
                        + city
                        + "\""
                        + more
                        + "}",
                at(when));
    }

    private static Instant at(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + ":00+05:00").toInstant();
    }

    // --- Prometheus ----------------------------------------------------------------------------

    /**
     * The project's prometheus.yml and rule files, pointed at this test's ports and sped up: scrape
     * and evaluate every second (rule groups too), so a minute of test shows a minute of history.
     * Both scrape jobs read Flink's reporter (job {@code migration} keeps the domain metrics,
     * relabelled); the forwarder's endpoint replaces {@code localhost:9400}.
     */
    private static void writePrometheusConfig(Path dir, int alertmanagerPort) throws IOException {
        Path source = REPO.resolve("dashboards/prometheus");
        String config = Files.readString(source.resolve("prometheus.yml"));
        config = replace(config, "scrape_interval:\\s*\\S+", "scrape_interval: 1s");
        config = replace(config, "evaluation_interval:\\s*\\S+", "evaluation_interval: 1s");
        config =
                replace(
                        config,
                        "\\[[^\\]]*localhost:9249[^\\]]*]",
                        "['" + LOOPBACK + ":" + flinkMetricsPort + "']");
        config =
                replace(
                        config,
                        "\\['localhost:9400']",
                        "['" + LOOPBACK + ":" + forwarderMetrics.port() + "']");
        config =
                replace(
                        config,
                        "\\['localhost:9093']",
                        "['" + LOOPBACK + ":" + alertmanagerPort + "']");
        Files.writeString(dir.resolve("prometheus.yml"), config);
        Path rules = Files.createDirectories(dir.resolve("rules"));
        try (Stream<Path> files = Files.list(source.resolve("rules"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                String text =
                        Files.readString(f)
                                .replaceAll("(?m)^(\\s*)interval:\\s*\\S+", "$1interval: 1s");
                Files.writeString(rules.resolve(f.getFileName()), text);
            }
        }
    }

    /**
     * Replaces every match of {@code regex}; fails when there is none, i.e. the file changed shape.
     */
    private static String replace(String text, String regex, String replacement) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            fail("prometheus.yml has no " + regex + ": update the test's rewriting");
        }
        return m.replaceAll(Matcher.quoteReplacement(replacement));
    }

    private static boolean hasData(String expr) throws Exception {
        String body =
                get(
                        prometheusUri.resolve(
                                "/api/v1/query?query="
                                        + URLEncoder.encode(expr, StandardCharsets.UTF_8)));
        JsonNode answer = JSON.readTree(body);
        if (!"success".equals(answer.path("status").asText())) {
            fail("Prometheus rejected " + expr + ": " + body);
        }
        JsonNode result = answer.path("data").path("result");
        return "scalar".equals(answer.path("data").path("resultType").asText())
                || !result.isEmpty();
    }

    /** The distinct metric names matching {@code prefix} on a /metrics endpoint. */
    private static Set<String> metricNames(int port, String prefix) {
        try {
            Pattern name = Pattern.compile("^((?:" + prefix + ")\\w*)", Pattern.MULTILINE);
            Matcher m =
                    name.matcher(get(URI.create("http://" + LOOPBACK + ":" + port + "/metrics")));
            Set<String> names = new TreeSet<>();
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        } catch (Exception e) {
            return Set.of("<unreadable: " + e + ">");
        }
    }

    private static String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response =
                HTTP.send(
                        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    // --- the alerts topic ----------------------------------------------------------------------

    /** Every committed record of the alerts topic, as JSON. */
    private static List<JsonNode> committedAlerts() throws IOException {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<JsonNode> alerts = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> parts =
                    c.partitionsFor(Topics.ALERTS).stream()
                            .map(i -> new TopicPartition(Topics.ALERTS, i.partition()))
                            .toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    alerts.add(JSON.readTree(r.value()));
                }
            }
        }
        return alerts;
    }

    /** Waits until the alerts topic has a committed alert of {@code type} about {@code subject}. */
    private static void awaitCommittedAlert(String type, String subject, Duration timeout)
            throws Exception {
        awaitTrue(
                "a committed " + type + " alert for " + subject,
                timeout,
                () -> {
                    try {
                        return committedAlerts().stream()
                                .anyMatch(
                                        a ->
                                                a.path("type").asText().equals(type)
                                                        && a.path("subjectRef")
                                                                .asText()
                                                                .equals(subject));
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    private static void awaitTrue(String what, Duration timeout, Supplier<Boolean> condition)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                fail(
                        "timed out after "
                                + timeout
                                + " waiting for "
                                + what
                                + "\nDomain metrics: "
                                + domainMetricNames());
            }
            Thread.sleep(500);
        }
    }

    /** The late events the job counted, from Flink's reporter. */
    private static double lateEvents() {
        try {
            return reported().sum("migration_late_events_total");
        } catch (Exception e) {
            return 0;
        }
    }

    private static ReportedMetrics reported() throws IOException, InterruptedException {
        return ReportedMetrics.scrape(
                URI.create("http://" + LOOPBACK + ":" + flinkMetricsPort + "/metrics"));
    }

    /** The domain metrics on Flink's reporter, named as Prometheus relabels them. */
    private static Set<String> domainMetricNames() {
        try {
            return reported().samples().stream()
                    .map(ReportedMetrics.Sample::name)
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (Exception e) {
            return Set.of("<unreadable: " + e + ">");
        }
    }

    private static Instant instant(JsonNode alert) {
        return OffsetDateTime.parse(alert.path("raisedAt").asText()).toInstant();
    }

    /** A step of tear-down that may fail without stopping the others. */
    private interface Step {
        void run() throws Exception;
    }

    private static void run(List<Throwable> errors, Step step) {
        try {
            step.run();
        } catch (Throwable t) {
            errors.add(t);
        }
    }
}
