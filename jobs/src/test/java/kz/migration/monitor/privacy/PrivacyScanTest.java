package kz.migration.monitor.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import kz.migration.monitor.event.Topics;
import kz.migration.monitor.generator.GeneratorSettings;
import kz.migration.monitor.generator.JsonlFileSink;
import kz.migration.monitor.generator.TrafficGenerator;
import kz.migration.monitor.job.KafkaInputs;
import kz.migration.monitor.job.MonitorSettings;
import kz.migration.monitor.job.Replay;
import kz.migration.monitor.job.StateChangelog;
import kz.migration.monitor.job.StreamingJob;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.metrics.PrometheusReporting;
import kz.migration.monitor.privacy.RawIdentifierScan.Hit;
import kz.migration.monitor.testsupport.ExternalTools;
import kz.migration.monitor.testsupport.KafkaBrokerExtension;
import kz.migration.monitor.testsupport.KafkaClients;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data-protection audit of issue 11: no raw {@code personId} of the input survives the parse
 * step. The streaming job runs over generated traffic (bans and permits included) with retained
 * checkpoints and savepoints; then every byte of those directories (also as UTF-16, inside
 * RocksDB's SST files as RocksDB reads them, inside Snappy-compressed snapshots), the log of the
 * run at INFO, the Prometheus scrape and every output topic but dead letters are searched for every
 * raw identifier of the input: none may be there. The same for {@code replay}'s output files and
 * log.
 *
 * <p>The places that hold raw identifiers by design (the input topics and files, dead letters, late
 * events' dead letters) are searched too, as positive controls: the scan must find them there, and
 * it must find the pseudonyms in the state and the alerts, so that a scan that reads nothing cannot
 * pass.
 */
class PrivacyScanTest {

    @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pseudonymiser PSEUDONYMS = new Pseudonymiser("privacy-scan-key");
    private static final String LOOPBACK = "127.0.0.1";

    /** A month of traffic, a few thousand people, with duplicates and malformed records. */
    private static final GeneratorSettings TRAFFIC =
            new GeneratorSettings(23, LocalDate.parse("2026-01-01"), 30, 200, 0, 0.01, 0.01, 0.02);

    private static final List<String> SCANNED_OUTPUTS =
            List.of(Topics.ALERTS, Topics.FLOW_STATS, Topics.FLOW_MATRIX);

    @TempDir Path dir;

    @Test
    void rocksDbWithIncrementalCheckpointsAndBothSavepointFormatsHoldsNoRawPersonId()
            throws Exception {
        streamingRun("rocksdb", "rocksdb", false);
    }

    @Test
    void heapStateWithSnappyCompressedSnapshotsHoldsNoRawPersonId() throws Exception {
        streamingRun("heap", "hashmap", true);
    }

    @Test
    void replayOutputsAndLogHoldNoRawPersonId() throws Exception {
        Path in = dir.resolve("in");
        Path out = dir.resolve("out");
        try (JsonlFileSink sink = new JsonlFileSink(in)) {
            new TrafficGenerator(TRAFFIC).generate(sink);
        }
        List<String> lines = new ArrayList<>();
        for (String stream : Topics.inputs()) {
            lines.addAll(Files.readAllLines(in.resolve(JsonlFileSink.fileName(stream))));
        }
        Traffic traffic = Traffic.of(lines);
        RawIdentifierScan raw = new RawIdentifierScan(traffic.personIds());
        RawIdentifierScan pseudonyms = new RawIdentifierScan(traffic.subjectRefs());

        Path log = dir.resolve("replay.log");
        try (CapturedLog captured = new CapturedLog(log)) {
            new Replay(MonitorSettings.streaming(PSEUDONYMS), 2).run(in, out, null, n -> {});
        }

        Findings findings = new Findings();
        for (String output : SCANNED_OUTPUTS) {
            Path file = out.resolve(output + ".jsonl");
            assertThat(Files.size(file)).as(output).isPositive();
            findings.mustBeClean(raw.file("replay/" + output + ".jsonl", file));
        }
        assertThat(Files.size(log)).as("replay's log").isPositive();
        findings.mustBeClean(raw.file("replay.log", log));

        findings.mustFind(
                "raw personIds in replay's dead letters",
                raw.file("dead-letters.jsonl", out.resolve("dead-letters.jsonl")));
        findings.mustFind("raw personIds in the input files", raw.tree("in", in));
        findings.mustFind(
                "subjectRefs in replay's alerts",
                pseudonyms.file("alerts.jsonl", out.resolve("alerts.jsonl")));
        findings.check();
    }

    private void streamingRun(String name, String backend, boolean snapshotCompression)
            throws Exception {
        String prefix = name + ".";
        Map<String, List<Generated>> input = new LinkedHashMap<>();
        new TrafficGenerator(TRAFFIC)
                .generate(
                        (stream, key, json, at) ->
                                input.computeIfAbsent(stream, s -> new ArrayList<>())
                                        .add(new Generated(key, json)));
        Traffic traffic =
                Traffic.of(
                        input.values().stream()
                                .flatMap(List::stream)
                                .map(Generated::json)
                                .toList());
        RawIdentifierScan raw = new RawIdentifierScan(traffic.personIds());
        RawIdentifierScan pseudonyms = new RawIdentifierScan(traffic.subjectRefs());

        KAFKA.createTopics(2, Topics.inputs().stream().map(t -> prefix + t).toArray(String[]::new));
        KAFKA.createTopics(
                1, Topics.outputs().stream().map(t -> prefix + t).toArray(String[]::new));
        produce(prefix, input);

        Path checkpoints = dir.resolve("checkpoints");
        Path savepoints = dir.resolve("savepoints");
        Path log = dir.resolve(name + ".log");
        int metricsPort = ExternalTools.freePort();
        String group = "privacy-scan-" + name;
        String metrics;
        List<String> savepointPaths = new ArrayList<>();
        try (CapturedLog captured = new CapturedLog(log)) {
            StreamingJob job =
                    new StreamingJob(
                            new KafkaInputs.Config(
                                    KAFKA.bootstrapServers(),
                                    prefix,
                                    group,
                                    true,
                                    Duration.ofHours(1),
                                    // lets the watermark pass the reference data, whose
                                    // partitions fall silent at once
                                    Duration.ofSeconds(3),
                                    false),
                            prefix,
                            MonitorSettings.streaming(PSEUDONYMS),
                            2,
                            Duration.ofSeconds(1),
                            checkpoints.toUri().toString(),
                            backend,
                            StateChangelog.OFF);
            Configuration conf = new Configuration();
            conf.addAll(job.configuration());
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
            conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
            conf.set(
                    CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                    ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
            // Every checkpoint of the run stays on disk to be searched, not only the last.
            conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 1000);
            conf.set(ExecutionOptions.SNAPSHOT_COMPRESSION, snapshotCompression);
            // No state inlined into _metadata: every SST file a file of its own, read by RocksDB.
            conf.set(CheckpointingOptions.FS_SMALL_FILE_THRESHOLD, MemorySize.ZERO);
            conf.set(RestOptions.ADDRESS, LOOPBACK);
            conf.set(RestOptions.BIND_ADDRESS, LOOPBACK);
            conf.set(RestOptions.BIND_PORT, "0");
            conf.addAll(new PrometheusReporting(String.valueOf(metricsPort)).configuration());
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.createLocalEnvironment(2, conf);
            JobClient client = job.start(env);
            try {
                await(() -> inputCommitted(prefix, group), client, "all input checkpointed");
                await(
                        () -> !committed(prefix + Topics.ALERTS).isEmpty(),
                        client,
                        "alerts committed");
                savepointPaths.add(
                        client.triggerSavepoint(
                                        savepoints.resolve("canonical").toUri().toString(),
                                        SavepointFormatType.CANONICAL)
                                .get(3, TimeUnit.MINUTES));
                if (backend.equals("rocksdb")) {
                    savepointPaths.add(
                            client.triggerSavepoint(
                                            savepoints.resolve("native").toUri().toString(),
                                            SavepointFormatType.NATIVE)
                                    .get(3, TimeUnit.MINUTES));
                }
                metrics = scrape(metricsPort);
            } finally {
                client.cancel().get(1, TimeUnit.MINUTES);
                awaitTerminal(client);
            }
        }
        assertThat(metrics).contains("flink_taskmanager_job_task_operator_");

        Findings findings = new Findings();
        findings.mustBeClean(raw.tree("checkpoints", checkpoints));
        findings.mustBeClean(raw.tree("savepoints", savepoints));
        findings.mustBeClean(raw.file(name + ".log", log));
        findings.mustBeClean(raw.text("metrics http://" + LOOPBACK + ":port/metrics", metrics));
        for (String output : SCANNED_OUTPUTS) {
            findings.mustBeClean(topic(raw, prefix + output));
        }

        // Positive controls: the same scans find what is there.
        findings.mustFind(
                "raw personIds on the dead-letters topic",
                topic(raw, prefix + Topics.DEAD_LETTERS));
        findings.mustFind(
                "raw personIds on the border-crossings topic",
                topic(raw, prefix + Topics.BORDER_CROSSINGS));
        findings.mustFind(
                "subjectRefs on the alerts topic", topic(pseudonyms, prefix + Topics.ALERTS));
        List<Hit> stateRefs = pseudonyms.tree("checkpoints", checkpoints);
        findings.mustFind(
                "subjectRefs in the checkpoints' keyed state, decoded ("
                        + (backend.equals("rocksdb") ? "sst" : "snappy")
                        + ")",
                stateRefs.stream()
                        .filter(
                                h ->
                                        RawIdentifierScan.layerKind(h.layer())
                                                .equals(
                                                        backend.equals("rocksdb")
                                                                ? "sst"
                                                                : "snappy"))
                        .toList());
        for (String savepoint : savepointPaths) {
            Path sp = Path.of(URI.create(savepoint));
            findings.mustFind(
                    "subjectRefs in savepoint " + sp.getParent().getFileName(),
                    pseudonyms.tree("savepoints", sp));
        }
        findings.check();
    }

    /** One generated record. */
    private record Generated(String key, String json) {}

    /** The raw identifiers of generated input, read from its JSON, and their pseudonyms. */
    private record Traffic(Set<String> personIds, Set<String> subjectRefs) {

        static Traffic of(List<String> lines) {
            Set<String> ids = new LinkedHashSet<>();
            boolean bans = false;
            boolean permits = false;
            for (String line : lines) {
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    continue; // a malformed record cut short: its valid twin names the person
                }
                if (node == null) {
                    continue;
                }
                for (JsonNode id : node.findValues("personId")) {
                    if (id.isTextual() && !id.asText().isEmpty()) {
                        ids.add(id.asText());
                    }
                }
                bans |= "ENTRY_BAN".equals(node.path("kind").asText());
                permits |= "PERMIT_ISSUED".equals(node.path("kind").asText());
            }
            assertThat(bans).as("the traffic has entry bans").isTrue();
            assertThat(permits).as("the traffic has work permits").isTrue();
            assertThat(ids).as("people in the traffic").hasSizeGreaterThan(1000);
            Set<String> refs = new LinkedHashSet<>();
            ids.forEach(id -> refs.add(PSEUDONYMS.subjectRef(id)));
            return new Traffic(ids, refs);
        }
    }

    /** What the scans found, checked at the end so that one failure lists every place. */
    private static final class Findings {
        private final List<Hit> leaks = new ArrayList<>();
        private final List<String> missing = new ArrayList<>();

        void mustBeClean(List<Hit> hits) {
            leaks.addAll(hits);
        }

        void mustFind(String what, List<Hit> hits) {
            if (hits.isEmpty()) {
                missing.add(what);
            }
        }

        void check() {
            assertThat(missing)
                    .as(
                            "positive controls the scan did not find (raw personIds were found"
                                    + " in: %s)",
                            RawIdentifierScan.summary(leaks))
                    .isEmpty();
            assertThat(leaks)
                    .as("raw personIds found in: %s", RawIdentifierScan.summary(leaks))
                    .isEmpty();
        }
    }

    /** Every committed record of a topic: its key, value and headers. */
    private static List<Hit> topic(RawIdentifierScan scan, String topic) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                IsolationLevel.READ_COMMITTED.toString(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                                ByteArrayDeserializer.class.getName(),
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                                ByteArrayDeserializer.class.getName());
        List<Hit> hits = new ArrayList<>();
        long records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends =
                    consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp))) {
                assertThat(System.nanoTime()).as("reading " + topic).isLessThan(deadline);
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    String place = r.topic() + "-" + r.partition() + "@" + r.offset();
                    if (r.key() != null) {
                        hits.addAll(scan.bytes(place, "key", r.key()));
                    }
                    if (r.value() != null) {
                        hits.addAll(scan.bytes(place, "value", r.value()));
                    }
                    for (Header h : r.headers()) {
                        hits.addAll(scan.text(place, h.key()));
                        if (h.value() != null) {
                            hits.addAll(scan.bytes(place, "header " + h.key(), h.value()));
                        }
                    }
                }
            }
        }
        assertThat(records).as("committed records of " + topic).isPositive();
        return hits;
    }

    private static void produce(String prefix, Map<String, List<Generated>> input) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            input.forEach(
                    (stream, records) ->
                            records.forEach(
                                    r ->
                                            producer.send(
                                                    new ProducerRecord<>(
                                                            prefix + stream, r.key(), r.json()))));
            producer.flush();
        }
    }

    private static String scrape(int port) throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://"
                                                                + LOOPBACK
                                                                + ":"
                                                                + port
                                                                + "/metrics"))
                                        .timeout(Duration.ofSeconds(30))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("metrics endpoint").isEqualTo(200);
        return response.body();
    }

    private static List<String> committed(String topic) {
        return KafkaClients.readCommitted(KAFKA.bootstrapServers(), topic);
    }

    /** Waits up to 3 minutes for {@code done}, failing at once if the job ended. */
    private static void await(BooleanSupplier done, JobClient job, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!done.getAsBoolean()) {
            assertThat(job.getJobStatus().get(30, TimeUnit.SECONDS))
                    .as("the job's status, waiting for %s", what)
                    .isEqualTo(JobStatus.RUNNING);
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    /** Waits until the job has ended, so that its files no longer change. */
    private static void awaitTerminal(JobClient job) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            JobStatus status;
            try {
                status = job.getJobStatus().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                return; // the MiniCluster is gone with its job
            }
            if (status.isTerminalState()) {
                return;
            }
            assertThat(System.nanoTime()).as("waiting for the job to end").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** Whether the job's committed offsets (a checkpoint's) are at the end of every input. */
    private static boolean inputCommitted(String prefix, String group) {
        List<String> topics = Topics.inputs().stream().map(t -> prefix + t).toList();
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                KAFKA.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata()
                            .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            admin.describeTopics(topics)
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .values()
                    .forEach(
                            d ->
                                    d.partitions()
                                            .forEach(
                                                    p ->
                                                            latest.put(
                                                                    new TopicPartition(
                                                                            d.name(),
                                                                            p.partition()),
                                                                    OffsetSpec.latest())));
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                    .allMatch(
                            e ->
                                    e.getValue().offset() == 0
                                            || (committed.get(e.getKey()) != null
                                                    && committed.get(e.getKey()).offset()
                                                            >= e.getValue().offset()));
        } catch (Exception e) {
            return false;
        }
    }
}
