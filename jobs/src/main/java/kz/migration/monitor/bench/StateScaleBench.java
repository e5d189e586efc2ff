package kz.migration.monitor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kz.migration.monitor.job.MonitorJob;
import kz.migration.monitor.job.MonitorSettings;
import kz.migration.monitor.job.MonitorSinks;
import kz.migration.monitor.job.StreamingJob;
import kz.migration.monitor.json.Pseudonymiser;
import kz.migration.monitor.pipeline.IngestedRecord;
import kz.migration.monitor.pipeline.types.MonitorTypes;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.runtime.checkpoint.CompletedCheckpointStats;
import org.apache.flink.runtime.checkpoint.RestoredCheckpointStats;
import org.apache.flink.runtime.checkpoint.TaskStateStats;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionJobVertex;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.jobgraph.JobVertexID;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench state}: puts many people (ten million by default) into the state of the monitor's
 * dataflow as the streaming job builds it, on RocksDB with incremental checkpoints to a local
 * directory, and measures a full and an incremental checkpoint, the state's size, and a restore.
 *
 * <p>The people come from a generated source of valid events (see {@link GeneratedPeople}) that the
 * bench holds between the phases (see {@link SourceGate}), so each checkpoint is taken with the
 * source standing still and every emitted event in state. Checkpoint durations are Flink's own (the
 * checkpoint statistics of the job, as {@code /jobs/:id/checkpoints} shows them), not wall clock
 * guesses.
 */
@Command(
        name = "state",
        mixinStandardHelpOptions = true,
        description =
                "Puts many people into RocksDB state (incremental checkpoints) and measures"
                        + " checkpoint and restore times and the state's size; writes a report.")
public final class StateScaleBench implements Callable<Integer> {

    @Option(
            names = "--people",
            defaultValue = "10000000",
            description = "People in state (default: ${DEFAULT-VALUE}).")
    long people;

    @Option(
            names = "--changes",
            description =
                    "Events changing people already in state before the incremental checkpoint"
                            + " (default: 1%% of the people).")
    Long changes;

    @Option(
            names = "--fill-days",
            defaultValue = "60",
            description =
                    "Days over which the people's entries are spread (default: ${DEFAULT-VALUE}).")
    int fillDays;

    @Option(
            names = "--parallelism",
            defaultValue = "2",
            description = "Parallelism of the job (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(
            names = "--managed-memory",
            defaultValue = "1g",
            description =
                    "Flink managed memory for RocksDB, all slots (default: ${DEFAULT-VALUE}).")
    String managedMemory;

    @Option(
            names = "--timers",
            defaultValue = "ROCKSDB",
            description =
                    "Where timers live: ROCKSDB (Flink's default, as the streaming job runs) or"
                            + " HEAP (default: ${DEFAULT-VALUE}).")
    String timers;

    @Option(
            names = "--work",
            description =
                    "Working directory for checkpoints and RocksDB (default: a temporary one,"
                            + " deleted afterwards).")
    Path work;

    @Option(names = "--report", description = "Also write the report to this file.")
    Path report;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PERSON_OPERATOR = "Stays, hires and relocation contracts";
    private static final Duration PHASE_TIMEOUT = Duration.ofHours(3);

    private final HttpClient http = HttpClient.newHttpClient();

    /** One checkpoint's figures, from the job's checkpoint statistics. */
    private record Checkpoint(
            long id,
            String path,
            double triggerToCompleteSeconds,
            CompletedCheckpointStats stats,
            Map<JobVertexID, String> vertexNames,
            long jobDirBytes) {}

    @Override
    public Integer call() throws Exception {
        long changeCount = changes != null ? changes : Math.max(1, people / 100);
        GeneratedPeople traffic = new GeneratedPeople(people, changeCount, fillDays);
        boolean temporary = work == null;
        Path dir =
                temporary
                        ? Files.createTempDirectory("migration-state-bench")
                        : Files.createDirectories(work);
        PeakMemory memory = PeakMemory.start();
        Configuration conf = configuration(dir);
        MiniCluster cluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(conf)
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(parallelism)
                                .build());
        try {
            cluster.start();
            URI rest = cluster.getRestAddress().get();

            SourceGate.reset(0);
            SourceGate.openUntil(traffic.firstChange());
            long fillStart = System.nanoTime();
            JobID job = submit(cluster, conf, traffic, null);
            JobVertexID personVertex = vertexNamed(cluster, job, PERSON_OPERATOR);
            awaitPersonEvents(cluster, rest, job, personVertex, people, "fill");
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
            System.out.printf(
                    "filled %,d people in %.0f s; full checkpoint...%n", people, fillSeconds);
            Checkpoint full = checkpoint(cluster, job, dir);
            long rocksDbLocalBytes = bytesUnder(dir.resolve("rocksdb"));
            String rocksDbEstimate = rocksDbEstimate(rest, job, cluster);

            SourceGate.openUntil(traffic.firstProbe());
            awaitPersonEvents(cluster, rest, job, personVertex, people + changeCount, "changes");
            System.out.println("changes applied; incremental checkpoint...");
            Checkpoint incremental = checkpoint(cluster, job, dir);
            cluster.cancelJob(job).get();
            cluster.requestJobResult(job).get();

            System.out.println("restoring from " + incremental.path() + "...");
            SourceGate.reset(traffic.firstProbe());
            ProbeSink.reset();
            SourceGate.openUntil(traffic.firstProbe() + GeneratedPeople.PROBE_EVENTS);
            long restoreStart = System.nanoTime();
            JobID restored = submit(cluster, conf, traffic, incremental.path());
            double[] restore = awaitRestore(cluster, restored, restoreStart);
            RestoredCheckpointStats restoredFrom =
                    cluster.getExecutionGraph(restored)
                            .get()
                            .getCheckpointStatsSnapshot()
                            .getLatestRestoredCheckpoint();
            cluster.cancelJob(restored).get();
            cluster.requestJobResult(restored).get();

            String text =
                    report(
                            traffic,
                            changeCount,
                            fillSeconds,
                            full,
                            incremental,
                            rocksDbLocalBytes,
                            rocksDbEstimate,
                            restore,
                            restoredFrom,
                            memory);
            System.out.print(text);
            if (report != null) {
                Files.writeString(report, text, StandardCharsets.UTF_8);
            }
            return 0;
        } finally {
            cluster.closeAsync().get(2, TimeUnit.MINUTES);
            memory.stop();
            if (temporary) {
                deleteTree(dir);
            }
        }
    }

    private Configuration configuration(Path dir) throws IOException {
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        conf.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                Files.createDirectories(dir.resolve("checkpoints")).toUri().toString());
        conf.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        // Checkpoints are triggered by the bench, at the end of each phase; a periodic one would
        // land in the middle of the fill. The interval only has to switch checkpointing on.
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofDays(1));
        conf.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, Duration.ofHours(1));
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse(managedMemory));
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism);
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        conf.set(RestOptions.ADDRESS, "127.0.0.1");
        conf.set(RestOptions.BIND_PORT, "0");
        // Options of the RocksDB backend, named here so that no class of it is needed to compile.
        conf.set(
                stringOption("state.backend.rocksdb.localdir"),
                Files.createDirectories(dir.resolve("rocksdb")).toString());
        conf.set(stringOption("state.backend.rocksdb.timer-service.factory"), timers);
        conf.set(booleanOption("state.backend.rocksdb.metrics.estimate-live-data-size"), true);
        conf.set(booleanOption("state.backend.rocksdb.metrics.total-sst-files-size"), true);
        conf.set(booleanOption("state.backend.rocksdb.metrics.estimate-num-keys"), true);
        return conf;
    }

    private static ConfigOption<String> stringOption(String key) {
        return ConfigOptions.key(key).stringType().noDefaultValue();
    }

    private static ConfigOption<Boolean> booleanOption(String key) {
        return ConfigOptions.key(key).booleanType().noDefaultValue();
    }

    /** The monitor's dataflow over the generated people, as the streaming job sets it up. */
    private JobID submit(
            MiniCluster cluster, Configuration clusterConf, GeneratedPeople traffic, String from)
            throws Exception {
        Configuration conf = new Configuration(clusterConf);
        if (from != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, from);
        }
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        env.setMaxParallelism(StreamingJob.MAX_PARALLELISM);
        env.getConfig().enableObjectReuse();
        DataGeneratorSource<IngestedRecord> source =
                new DataGeneratorSource<>(
                        traffic,
                        traffic.count(),
                        SourceGate.strategy(),
                        MonitorTypes.INGESTED_RECORD);
        DataStream<IngestedRecord> records =
                env.fromSource(source, IngestedRecord.watermarks(Duration.ZERO, null), "people")
                        .setParallelism(1)
                        .uid("source-generated-people")
                        .name("Generated people");
        MonitorJob.defineWorkflow(
                records,
                new MonitorSinks(
                        new ProbeSink(),
                        new DiscardingSink<>(),
                        new DiscardingSink<>(),
                        new DiscardingSink<>()),
                MonitorSettings.streaming(new Pseudonymiser(Pseudonymiser.DEMO_KEY)));
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName(from == null ? "state-scale fill" : "state-scale restore");
        return cluster.submitJob(graph).get().getJobID();
    }

    /** The vertex whose name contains {@code name}, once the job's graph has been created. */
    private static JobVertexID vertexNamed(MiniCluster cluster, JobID job, String name)
            throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            names.clear();
            for (AccessExecutionJobVertex v :
                    cluster.getExecutionGraph(job).get().getAllVertices().values()) {
                if (v.getName().contains(name)) {
                    return v.getJobVertexId();
                }
                names.add(v.getName());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no vertex " + name + " among " + names);
    }

    /**
     * Waits until the person operator has received the events before the newest of {@code emitted}
     * (its numRecordsIn): deduplication holds each event until the watermark passes it, and the
     * newest, standing at the watermark, waits for the next phase.
     */
    private void awaitPersonEvents(
            MiniCluster cluster,
            URI rest,
            JobID job,
            JobVertexID vertex,
            long emitted,
            String phase)
            throws Exception {
        long expected = emitted - 1;
        long start = System.nanoTime();
        long lastPrint = start;
        long deadline = start + PHASE_TIMEOUT.toNanos();
        while (true) {
            JobStatus status = cluster.getJobStatus(job).get();
            if (status.isGloballyTerminalState()) {
                throw new IllegalStateException(
                        "the job ended (" + status + ") during the " + phase);
            }
            long in = sumMetric(rest, job, vertex, "numRecordsIn");
            long now = System.nanoTime();
            if (in >= expected) {
                return;
            }
            if (now - lastPrint > TimeUnit.SECONDS.toNanos(15)) {
                double s = (now - start) / 1e9;
                System.out.printf(
                        "%s: %,d of %,d person events in state after %.0f s (%,.0f/s), source at"
                                + " %,d%n",
                        phase, in, expected, s, in / s, SourceGate.requested());
                lastPrint = now;
            }
            if (now > deadline) {
                throw new IllegalStateException("the " + phase + " took over " + PHASE_TIMEOUT);
            }
            Thread.sleep(1000);
        }
    }

    private Checkpoint checkpoint(MiniCluster cluster, JobID job, Path dir) throws Exception {
        long t0 = System.nanoTime();
        String path = cluster.triggerCheckpoint(job).get();
        double wall = (System.nanoTime() - t0) / 1e9;
        CompletedCheckpointStats stats = null;
        AccessExecutionGraph graph = null;
        for (int i = 0; i < 600 && stats == null; i++) {
            graph = cluster.getExecutionGraph(job).get();
            CompletedCheckpointStats latest =
                    graph.getCheckpointStatsSnapshot().getHistory().getLatestCompletedCheckpoint();
            if (latest != null && path.equals(latest.getExternalPath())) {
                stats = latest;
            } else {
                Thread.sleep(100);
            }
        }
        if (stats == null) {
            throw new IllegalStateException("no statistics for the checkpoint at " + path);
        }
        Map<JobVertexID, String> names = new java.util.HashMap<>();
        for (AccessExecutionJobVertex v : graph.getAllVertices().values()) {
            names.put(v.getJobVertexId(), v.getName());
        }
        long jobDir = bytesUnder(dir.resolve("checkpoints").resolve(job.toString()));
        return new Checkpoint(stats.getCheckpointId(), path, wall, stats, names, jobDir);
    }

    /**
     * Times the restored job: returns seconds from submission until the job is RUNNING, until every
     * task is RUNNING (a task is INITIALIZING while it restores its state), and until the probe's
     * alert, which only the restored state of its person can raise, reached the sink.
     */
    private static double[] awaitRestore(MiniCluster cluster, JobID job, long start)
            throws Exception {
        double jobRunning = -1;
        double tasksRunning = -1;
        long deadline = start + PHASE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            AccessExecutionGraph graph = cluster.getExecutionGraph(job).get();
            double now = (System.nanoTime() - start) / 1e9;
            if (graph.getState().isGloballyTerminalState()) {
                throw new IllegalStateException("the restored job ended: " + graph.getState());
            }
            if (jobRunning < 0 && graph.getState() == JobStatus.RUNNING) {
                jobRunning = now;
            }
            if (tasksRunning < 0 && allRunning(graph)) {
                tasksRunning = now;
            }
            long probe = ProbeSink.probeSeenNanos();
            if (probe != 0 && tasksRunning >= 0) {
                return new double[] {jobRunning, tasksRunning, (probe - start) / 1e9};
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the restored job raised no probe alert in time");
    }

    /** Whether the job runs with every task running (a job still initialising has no tasks). */
    private static boolean allRunning(AccessExecutionGraph graph) {
        if (graph.getState() != JobStatus.RUNNING) {
            return false;
        }
        int tasks = 0;
        for (AccessExecutionVertex v : graph.getAllExecutionVertices()) {
            if (v.getExecutionState() != ExecutionState.RUNNING) {
                return false;
            }
            tasks++;
        }
        return tasks > 0;
    }

    /** Sums a metric over a vertex's subtasks; 0 until Flink's metric fetcher has it. */
    private long sumMetric(URI rest, JobID job, JobVertexID vertex, String metric)
            throws IOException, InterruptedException {
        JsonNode values =
                get(
                        rest,
                        "jobs/"
                                + job
                                + "/vertices/"
                                + vertex
                                + "/subtasks/metrics?agg=sum&get="
                                + URLEncoder.encode(metric, StandardCharsets.UTF_8));
        long sum = 0;
        for (JsonNode v : values) {
            sum += v.path("sum").asLong();
        }
        return sum;
    }

    /**
     * RocksDB's own estimates over all operators and states: the live data size and the SST files'
     * total, as its native metrics report them.
     */
    private String rocksDbEstimate(URI rest, JobID job, MiniCluster cluster) throws Exception {
        // The metric fetcher refreshes every 10 s: give it the values after the checkpoint's flush.
        Thread.sleep(11_000);
        long live = 0;
        long sst = 0;
        long keys = 0;
        for (JobVertexID v : cluster.getExecutionGraph(job).get().getAllVertices().keySet()) {
            for (JsonNode m : get(rest, "jobs/" + job + "/vertices/" + v + "/subtasks/metrics")) {
                String id = m.path("id").asText();
                if (id.endsWith("estimate-live-data-size")) {
                    live += sumMetric(rest, job, v, id);
                } else if (id.endsWith("total-sst-files-size")) {
                    sst += sumMetric(rest, job, v, id);
                } else if (id.endsWith("estimate-num-keys")) {
                    keys += sumMetric(rest, job, v, id);
                }
            }
        }
        return String.format(
                "live data %s, SST files %s, %,d keys (estimates)", mib(live), mib(sst), keys);
    }

    private JsonNode get(URI rest, String path) throws IOException, InterruptedException {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(rest.resolve("/" + path))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private String report(
            GeneratedPeople traffic,
            long changeCount,
            double fillSeconds,
            Checkpoint full,
            Checkpoint incremental,
            long rocksDbLocalBytes,
            String rocksDbEstimate,
            double[] restore,
            RestoredCheckpointStats restoredFrom,
            PeakMemory memory) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("# State at scale (RocksDB, incremental checkpoints)%n%n"));
        b.append(String.format("| figure | value |%n|---|---|%n"));
        b.append(
                String.format(
                        "| people in state | %,d (one entry each with a visa, over %d days;"
                                + " parallelism %d, managed memory %s, timers in %s) |%n",
                        people, fillDays, parallelism, managedMemory, timers));
        b.append(
                String.format(
                        "| fill | %.0f s (%,.0f events/s through the whole dataflow) |%n",
                        fillSeconds, people / fillSeconds));
        row(b, "full checkpoint", full);
        b.append(
                String.format(
                        "| changes before the incremental one | %,d events |%n", changeCount));
        row(b, "incremental checkpoint", incremental);
        b.append(
                String.format(
                        "| checkpoint directory (job's, after both) | %s |%n",
                        mib(incremental.jobDirBytes())));
        b.append(
                String.format(
                        "| RocksDB working directories (after the full checkpoint) | %s |%n",
                        mib(rocksDbLocalBytes)));
        b.append(String.format("| RocksDB estimate | %s |%n", rocksDbEstimate));
        b.append(
                String.format(
                        "| restore: submitted to job RUNNING | %.1f s |%n"
                                + "| restore: to every task RUNNING (state restored) | %.1f s |%n"
                                + "| restore: to the first alert that needs restored state | %.1f s"
                                + " |%n",
                        restore[0], restore[1], restore[2]));
        if (restoredFrom != null) {
            b.append(
                    String.format(
                            "| restored checkpoint | %d, %s |%n",
                            restoredFrom.getCheckpointId(), mib(restoredFrom.getStateSize())));
        }
        b.append(
                String.format(
                        "| peak heap used | %,d MiB (max heap %,d MiB) |%n| peak resident memory |"
                                + " %s |%n| machine | %d cores, Java %s |%n",
                        memory.peakHeapBytes() >> 20,
                        Runtime.getRuntime().maxMemory() >> 20,
                        PeakMemory.peakResident(),
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version")));
        b.append(String.format("%n## Where the checkpoints' time and bytes went%n%n"));
        b.append(
                String.format(
                        "| checkpoint | operator chain | state size | uploaded | sync max | async"
                                + " max | alignment max |%n|---|---|---|---|---|---|---|%n"));
        for (Checkpoint c : List.of(full, incremental)) {
            List<TaskStateStats> tasks = new ArrayList<>(c.stats().getAllTaskStateStats());
            tasks.sort(Comparator.comparingLong(TaskStateStats::getStateSize).reversed());
            for (TaskStateStats t : tasks.subList(0, Math.min(5, tasks.size()))) {
                var s = t.getSummaryStats();
                b.append(
                        String.format(
                                "| %d | %s | %s | %s | %.1f s | %.1f s | %.1f s |%n",
                                c.id(),
                                shorten(c.vertexNames().get(t.getJobVertexId())),
                                mib(t.getStateSize()),
                                mib(t.getCheckpointedSize()),
                                s.getSyncCheckpointDurationStats().getMaximum() / 1e3,
                                s.getAsyncCheckpointDurationStats().getMaximum() / 1e3,
                                s.getAlignmentDurationStats().getMaximum() / 1e3));
            }
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String name, Checkpoint c) {
        b.append(
                String.format(
                        "| %s | %.1f s end to end (Flink's statistics; %.1f s from trigger to"
                                + " completion seen by the bench), full state %s, uploaded %s |%n",
                        name,
                        c.stats().getEndToEndDuration() / 1e3,
                        c.triggerToCompleteSeconds(),
                        mib(c.stats().getStateSize()),
                        mib(c.stats().getCheckpointedSize())));
    }

    private static String shorten(String name) {
        if (name == null) {
            return "?";
        }
        String first = name.split(" -> ")[0].replace("|", "/");
        return first.length() > 60 ? first.substring(0, 60) + "..." : first;
    }

    private static String mib(long bytes) {
        return String.format("%,.1f MiB", bytes / 1048576.0);
    }

    /**
     * The bytes of the files under {@code dir}. Files and directories that vanish meanwhile (a
     * subsumed checkpoint, a compaction's inputs) are skipped.
     */
    private static long bytesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        long[] total = {0};
        Files.walkFileTree(
                dir,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        total[0] += attrs.size();
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE;
                    }
                });
        return total[0];
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
