package kz.migration.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.event.Topics;
import kz.migration.monitor.generator.GeneratorSettings;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.metrics.PrometheusReporting;
import kz.migration.monitor.metrics.ReportedMetrics;
import kz.migration.monitor.testsupport.ExternalTools;
import kz.migration.monitor.testsupport.KafkaBrokerExtension;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's acceptance test: the domain gauges read the same after the job is restored from a
 * retained checkpoint as before it, not zero. The streaming job runs on a MiniCluster over a real
 * broker with Flink's Prometheus reporter; once it can change nothing any more and a checkpoint
 * holds that, it is cancelled, and a new job is started from its last checkpoint with no new input.
 * Every gauge is compared; people present, active overstays and active permits must be among them
 * and above zero.
 */
class GaugesAfterRestoreTest {

    @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern COMPLETED_CHECKPOINTS =
            Pattern.compile(
                    "(?m)^flink_jobmanager_job_numberOfCompletedCheckpoints\\{[^}]*} (\\S+)");
    private static final Pattern GAUGES_WATERMARK =
            Pattern.compile(
                    "(?m)^flink_taskmanager_job_task_operator_currentInputWatermark\\{[^}]*"
                            + "operator_name=\"Domain gauges\"[^}]*} (\\S+)");

    private static final List<String> NAMED =
            List.of(
                    "migration_people_present",
                    "migration_overstays_active",
                    "migration_permits_active");

    private static final Duration LATENESS = Duration.ofMinutes(5);

    /**
     * The last instant of the input: every partition of every input topic ends with a record at it,
     * so the watermark ends exactly {@link #LATENESS} before it, whichever partition goes idle
     * last.
     */
    private static final Instant END = Instant.parse("2026-03-25T00:00:00+05:00");

    @TempDir Path dir;

    @Test
    void peoplePresentOverstaysAndPermitsReadTheSameAfterARestore() throws Exception {
        int records = produceInput();
        String checkpoints = dir.resolve("checkpoints").toUri().toString();

        int firstPort = ExternalTools.freePort();
        JobClient first = start(firstPort, checkpoints, null);
        Map<String, Map<Map<String, String>, Double>> before;
        try {
            before = awaitSettled(firstPort, records);
        } finally {
            cancelAndAwait(first);
        }
        for (String name : NAMED) {
            assertThat(before.get(name)).as(name).isNotEmpty();
            assertThat(before.get(name).values().stream().mapToDouble(Double::doubleValue).sum())
                    .as(name)
                    .isPositive();
        }

        Path checkpoint = lastCheckpoint(dir.resolve("checkpoints"), first);
        int port = ExternalTools.freePort();
        JobClient second = start(port, checkpoints, checkpoint);
        try {
            awaitCompletedCheckpoints(port, 1);
            ReportedMetrics after = reported(port);
            assertThat(gauges(after)).isEqualTo(before);
            // Counters count per run, from zero: no input was processed again.
            assertThat(after.sum("migration_events_total")).isZero();
        } finally {
            cancelAndAwait(second);
        }
    }

    /**
     * Generated traffic, a visitor who entered on the first day and overstays (no generated stay is
     * long enough within the window), and the records at {@link #END}. Returns their number.
     */
    private static int produceInput() {
        Map<SourceStream, List<String>> input =
                TopicIo.generated(
                        new GeneratorSettings(
                                11, LocalDate.parse("2026-02-01"), 50, 300, 0, 0, 0, 0));
        input.get(SourceStream.BORDER_CROSSINGS)
                .add(
                        0,
                        "{\"eventId\":\"restore-overstayer\","
                                + "\"occurredAt\":\"2026-02-01T00:30:00+05:00\","
                                + "\"personId\":\"RESTORE-OVERSTAYER\",\"citizenship\":\"UZB\","
                                + "\"direction\":\"ENTRY\",\"checkpoint\":\"ZHIBEK-ZHOLY\","
                                + "\"region\":\"KZ-61\",\"city\":\"Saryagash\"}");
        TopicIo.createAndProduce(KAFKA, "", input);
        return input.values().stream().mapToInt(List::size).sum() + produceEnd();
    }

    /** One valid record at {@link #END} on each of the two partitions of every input topic. */
    private static int produceEnd() {
        String at = "\"occurredAt\":\"2026-03-25T00:00:00+05:00\"";
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        int sent = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int partition = 0; partition < 2; partition++) {
                String person =
                        "\"personId\":\"RESTORE-END-" + partition + "\",\"citizenship\":\"KAZ\"";
                String astana = "\"region\":\"KZ-71\",\"city\":\"Astana\"";
                Map<String, String> last =
                        Map.of(
                                Topics.BORDER_CROSSINGS,
                                "{\"eventId\":\"end-crossing-"
                                        + partition
                                        + "\","
                                        + at
                                        + ","
                                        + person
                                        + ",\"direction\":\"ENTRY\","
                                        + "\"checkpoint\":\"NQZ-AIRPORT\","
                                        + astana
                                        + "}",
                                Topics.REGISTRATIONS,
                                "{\"eventId\":\"end-registration-"
                                        + partition
                                        + "\","
                                        + at
                                        + ","
                                        + person
                                        + ",\"kind\":\"PERMANENT_RESIDENCE\","
                                        + astana
                                        + "}",
                                Topics.EMPLOYMENT,
                                "{\"eventId\":\"end-hire-"
                                        + partition
                                        + "\","
                                        + at
                                        + ","
                                        + person
                                        + ",\"kind\":\"HIRED\","
                                        + astana
                                        + "}",
                                Topics.REFERENCE_DATA,
                                "{\"kind\":\"INFLOW_THRESHOLD\","
                                        + at
                                        + ","
                                        + astana
                                        + ",\"netInflow7d\":"
                                        + (5000 + partition)
                                        + "}");
                for (Map.Entry<String, String> e : last.entrySet()) {
                    producer.send(new ProducerRecord<>(e.getKey(), partition, "end", e.getValue()));
                    sent++;
                }
            }
            producer.flush();
        }
        return sent;
    }

    /**
     * Cancels the job and waits until it has ended: a cancel is only acknowledged at once, and a
     * checkpoint still being written then races the removal of the test's directory.
     */
    private static void cancelAndAwait(JobClient job) throws Exception {
        job.cancel().get(60, TimeUnit.SECONDS);
        try {
            job.getJobExecutionResult().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException cancelled) {
            // How a cancelled job's result ends.
        }
    }

    private static JobClient start(int reporterPort, String checkpoints, Path restoreFrom)
            throws Exception {
        StreamingJob job =
                new StreamingJob(
                        new KafkaInputs.Config(
                                KAFKA.bootstrapServers(),
                                "",
                                "gauges-restore-test",
                                true,
                                LATENESS,
                                Duration.ofSeconds(1),
                                false),
                        "",
                        MonitorSettings.streaming(new Pseudonymiser("gauges-restore-test-key")),
                        2,
                        Duration.ofMillis(500),
                        checkpoints,
                        "hashmap",
                        StateChangelog.OFF);
        Configuration conf = new Configuration();
        conf.addAll(job.configuration());
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        conf.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        conf.addAll(new PrometheusReporting(String.valueOf(reporterPort)).configuration());
        if (restoreFrom != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom.toUri().toString());
        }
        return job.start(StreamExecutionEnvironment.createLocalEnvironment(2, conf));
    }

    /**
     * Waits until the job can change nothing any more and a checkpoint holds that: every record
     * counted (as an event or a dead letter), the gauge operator's input watermark at the input's
     * final watermark (every timer up to it has fired upstream and its changes are applied), and
     * then a checkpoint begun after that completed. Returns the gauges then.
     */
    private static Map<String, Map<Map<String, String>, Double>> awaitSettled(int port, int records)
            throws Exception {
        long finalWatermark = END.minus(LATENESS).toEpochMilli() - 1;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        long settledAt = -1;
        String seen = "nothing";
        while (Instant.now().isBefore(deadline)) {
            String text = scrape(port);
            ReportedMetrics m = ReportedMetrics.parse(text);
            double counted =
                    m.sum("migration_events_total") + m.sum("migration_dead_letters_total");
            long checkpoints = completedCheckpoints(text);
            long watermark = gaugesWatermark(text);
            seen =
                    counted
                            + " of "
                            + records
                            + " records, watermark "
                            + watermark
                            + " of "
                            + finalWatermark
                            + ", "
                            + checkpoints
                            + " checkpoints";
            if (settledAt < 0 && counted == records && watermark >= finalWatermark) {
                settledAt = checkpoints;
            } else if (settledAt >= 0 && checkpoints >= settledAt + 2) {
                return gauges(m);
            }
            Thread.sleep(300);
        }
        return fail("the job did not settle: " + seen);
    }

    private static void awaitCompletedCheckpoints(int port, long atLeast) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (completedCheckpoints(scrape(port)) < atLeast) {
            if (Instant.now().isAfter(deadline)) {
                fail("the restored job completed no checkpoint");
            }
            Thread.sleep(300);
        }
    }

    /** Every gauge series by name (counters end in {@code _total}). */
    private static Map<String, Map<Map<String, String>, Double>> gauges(ReportedMetrics m) {
        Map<String, Map<Map<String, String>, Double>> gauges = new TreeMap<>();
        for (ReportedMetrics.Sample s : m.samples()) {
            if (!s.name().endsWith("_total")) {
                gauges.computeIfAbsent(s.name(), n -> new HashMap<>())
                        .merge(s.labels(), s.value(), Double::sum);
            }
        }
        return gauges;
    }

    /** The newest retained checkpoint of {@code job}: {@code <dir>/<job id>/chk-<n>}. */
    private static Path lastCheckpoint(Path dir, JobClient job) throws IOException {
        try (Stream<Path> chks = Files.list(dir.resolve(job.getJobID().toString()))) {
            return chks.filter(p -> p.getFileName().toString().startsWith("chk-"))
                    .filter(p -> Files.exists(p.resolve("_metadata")))
                    .max(
                            Comparator.comparingLong(
                                    p -> Long.parseLong(p.getFileName().toString().substring(4))))
                    .orElseThrow(() -> new AssertionError("no retained checkpoint in " + dir));
        }
    }

    private static long gaugesWatermark(String exposition) {
        Matcher m = GAUGES_WATERMARK.matcher(exposition);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : Long.MIN_VALUE;
    }

    private static long completedCheckpoints(String exposition) {
        Matcher m = COMPLETED_CHECKPOINTS.matcher(exposition);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    private static ReportedMetrics reported(int port) throws InterruptedException {
        return ReportedMetrics.parse(scrape(port));
    }

    private static String scrape(int port) throws InterruptedException {
        try {
            HttpResponse<String> r =
                    HTTP.send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/metrics"))
                                    .timeout(Duration.ofSeconds(10))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return r.body();
        } catch (IOException e) {
            // The reporter is not up yet.
            return "";
        }
    }
}
