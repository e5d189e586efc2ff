package kz.migration.monitor.job;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import kz.migration.monitor.event.Alert;
import kz.migration.monitor.event.DeadLetter;
import kz.migration.monitor.event.FlowMatrixRow;
import kz.migration.monitor.event.FlowStats;
import kz.migration.monitor.event.SourceStream;
import kz.migration.monitor.json.OutputJson;
import kz.migration.monitor.pipeline.IngestedRecord;
import org.apache.flink.api.common.BatchShuffleMode;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the monitor's dataflow over the contract's {@code .jsonl} files on a MiniCluster and writes
 * its outputs as files. Lines may stand in any order. A first pass over the files counts them,
 * finds the losing copies of duplicated events, the latest event time and each file's disorder. The
 * job then runs in one of two {@link ReplayMode}s: in {@code STREAMING} each file's disorder
 * becomes its exact watermark bound; in {@code BATCH} Flink sorts each keyed input by key and event
 * time. In both no record is ever late, and the outputs are the same. Time stands at the as-of
 * instant (default: the latest {@code occurredAt} of any valid record).
 */
public final class Replay {

    /** What a replay produced. */
    public record Summary(
            Instant asOf,
            long lines,
            ReplayMode mode,
            int alerts,
            int flowStats,
            int flowMatrix,
            int deadLetters) {}

    /**
     * How far in event time a file's source may read ahead of the slowest one's watermark, in
     * {@code STREAMING} mode. Each file is read as fast as its source can, but nothing downstream
     * can move before the slowest watermark: unaligned, the crossings of a national year ran weeks
     * ahead of the registrations, and millions of them waited in the place ledger's buffer (most of
     * the heap, and every wake goes through a key's whole buffer).
     */
    static final Duration MAX_DRIFT = Duration.ofHours(1);

    /** How often the sources' watermarks are compared (processing time). */
    static final Duration DRIFT_CHECK = Duration.ofMillis(100);

    private final MonitorSettings settings;
    private final int parallelism;
    private final ReplayMode mode;
    private final long minSplitBytes;

    /** A replay in {@link ReplayMode#BATCH}, the faster mode at every input size measured. */
    public Replay(MonitorSettings settings, int parallelism) {
        this(settings, parallelism, ReplayMode.BATCH);
    }

    public Replay(MonitorSettings settings, int parallelism, ReplayMode mode) {
        this(settings, parallelism, mode, DisorderScan.MIN_SPLIT_BYTES);
    }

    private Replay(MonitorSettings settings, int parallelism, ReplayMode mode, long minSplitBytes) {
        this.settings = settings;
        this.parallelism = parallelism;
        this.mode = mode;
        this.minSplitBytes = minSplitBytes;
    }

    /**
     * This replay, cutting files of at least {@code bytes} into ranges: for tests of small files.
     */
    Replay withMinSplitBytes(long bytes) {
        return new Replay(settings, parallelism, mode, bytes);
    }

    /** A stream's file and what the first pass found in it (in its first {@code bytes()}). */
    private record InputFile(Path path, DisorderScan.Result scanned) {}

    public Summary run(Path inputDir, Path outputDir, Instant asOf, LongConsumer progress)
            throws Exception {
        return run(inputDir, outputDir, asOf, total -> {}, progress);
    }

    /**
     * Replays {@code inputDir} into {@code outputDir}.
     *
     * @param total told the number of input lines once the first pass has counted them
     * @param progress told the lines read so far, every half second while the job runs
     */
    public Summary run(
            Path inputDir, Path outputDir, Instant asOf, LongConsumer total, LongConsumer progress)
            throws Exception {
        if (!Files.isDirectory(inputDir)) {
            throw new IllegalArgumentException("input directory " + inputDir + " does not exist");
        }
        Map<SourceStream, InputFile> files = new EnumMap<>(SourceStream.class);
        long maxTs = Long.MIN_VALUE;
        long lines = 0;
        for (SourceStream s : SourceStream.values()) {
            Path p = inputDir.resolve(s.topic() + ".jsonl");
            if (Files.isRegularFile(p)) {
                DisorderScan.Result scanned =
                        DisorderScan.scan(
                                s,
                                p,
                                Runtime.getRuntime().availableProcessors(),
                                minSplitBytes,
                                settings.pseudonymiser());
                files.put(s, new InputFile(p, scanned));
                maxTs = Math.max(maxTs, scanned.maxTimestamp());
                lines += scanned.lines();
            }
        }
        total.accept(lines);
        ReplayMode chosen = mode.resolve(lines, Runtime.getRuntime().maxMemory());
        Instant at =
                asOf != null
                        ? asOf
                        : maxTs == Long.MIN_VALUE
                                ? Clock.systemUTC().instant()
                                : Instant.ofEpochMilli(maxTs);
        Files.createDirectories(outputDir);

        CollectingSink<Alert> alerts = new CollectingSink<>();
        CollectingSink<FlowStats> stats = new CollectingSink<>();
        CollectingSink<FlowMatrixRow> matrix = new CollectingSink<>();
        CollectingSink<DeadLetter> dead = new CollectingSink<>();
        if (!files.isEmpty()) {
            Path work =
                    chosen == ReplayMode.BATCH
                            ? Files.createTempDirectory(outputDir, ".replay-work-")
                            : null;
            try {
                execute(
                        files,
                        at,
                        new MonitorSinks(alerts, stats, matrix, dead),
                        chosen,
                        work,
                        progress);
            } finally {
                deleteTree(work);
            }
        }
        List<Alert> a = alerts.drain();
        a.sort(
                Comparator.comparing(Alert::raisedAt)
                        .thenComparing(Alert::type)
                        .thenComparing(Alert::alertId));
        List<FlowStats> s = stats.drain();
        s.sort(
                Comparator.comparing(FlowStats::date)
                        .thenComparing(FlowStats::region)
                        .thenComparing(
                                FlowStats::city, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<FlowMatrixRow> m = matrix.drain();
        m.sort(
                Comparator.comparing(FlowMatrixRow::date)
                        .thenComparing(FlowMatrixRow::fromRegion)
                        .thenComparing(FlowMatrixRow::toRegion));
        List<DeadLetter> d = dead.drain();
        d.sort(Comparator.comparing(DeadLetter::source).thenComparing(DeadLetter::payload));
        write(outputDir.resolve("alerts.jsonl"), a, OutputJson::alert);
        write(outputDir.resolve("flow-stats.jsonl"), s, OutputJson::flowStats);
        write(outputDir.resolve("flow-matrix.jsonl"), m, OutputJson::flowMatrix);
        write(outputDir.resolve("dead-letters.jsonl"), d, OutputJson::deadLetter);
        progress.accept(lines);
        return new Summary(at, lines, chosen, a.size(), s.size(), m.size(), d.size());
    }

    /**
     * Runs the job over {@code files} into {@code sinks} in {@code mode}; in {@code BATCH} its
     * sorted runs and shuffle files go to {@code work}.
     */
    private void execute(
            Map<SourceStream, InputFile> files,
            Instant at,
            MonitorSinks sinks,
            ReplayMode mode,
            Path work,
            LongConsumer progress)
            throws Exception {
        boolean batch = mode == ReplayMode.BATCH;
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        // Every type has a serializer of Flink's or ours: one left to Kryo fails at once.
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        if (batch) {
            conf.set(CoreOptions.TMP_DIRS, work.toString());
            // Exchanges pass records on as they come: writing every exchanged record to disk for
            // the next stage first made a national year an eighth slower. Only the default
            // scheduler runs pipelined exchanges in BATCH mode.
            conf.set(ExecutionOptions.BATCH_SHUFFLE_MODE, BatchShuffleMode.ALL_EXCHANGES_PIPELINED);
            conf.set(JobManagerOptions.SCHEDULER, JobManagerOptions.SchedulerType.Default);
        } else {
            // A file source reads one split, its file, and is held back as a whole: its split
            // reader need not pause splits of its own.
            conf.set(PipelineOptions.ALLOW_UNALIGNED_SOURCE_SPLITS, true);
        }
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        env.setRuntimeMode(batch ? RuntimeExecutionMode.BATCH : RuntimeExecutionMode.STREAMING);
        env.getConfig().enableObjectReuse();

        DataStream<IngestedRecord> records =
                batch ? rangesOf(env, files, at) : filesOf(env, files, at);
        InputFile reference = files.get(SourceStream.REFERENCE_DATA);
        MonitorJob.defineWorkflow(
                records,
                sinks,
                settings.asOf(at),
                true,
                BanRecords.namedIn(
                        reference == null ? null : reference.path(), settings.pseudonymiser(), at));
        JsonLinesFormat.LINES_READ.set(0);
        Thread ticker = progressTicker(progress);
        try {
            ReplayCluster.execute(env, conf, parallelism, "migration-monitor replay");
        } finally {
            ticker.interrupt();
        }
    }

    /**
     * BATCH: one source reading every file in the first pass's ranges, on every slot ({@link
     * ReplayFileSplits}). The strategy only stamps records with their event time: Flink orders them
     * itself, so the files' disorder needs no watermark bound.
     */
    private DataStream<IngestedRecord> rangesOf(
            StreamExecutionEnvironment env, Map<SourceStream, InputFile> files, Instant at) {
        ReplayFileSplits splits = new ReplayFileSplits();
        for (Map.Entry<SourceStream, InputFile> e : files.entrySet()) {
            InputFile f = e.getValue();
            splits.add(
                    f.path(),
                    f.scanned().bytes(),
                    f.scanned().rangeStarts(),
                    JsonLinesFormat.forReplay(
                            e.getKey(),
                            at,
                            settings.pseudonymiser(),
                            f.scanned().losingCopies(),
                            f.scanned().rangeStarts(),
                            f.scanned().rangeFirstLines()));
        }
        return env.fromSource(
                        splits.source(),
                        IngestedRecord.watermarks(Duration.ZERO, null),
                        "replay-files")
                .setParallelism(Math.min(parallelism, splits.ranges()))
                .uid("source-replay-files");
    }

    /**
     * STREAMING: a source per file, each file read whole with its exact disorder as the watermark
     * bound, the sources aligned.
     */
    private DataStream<IngestedRecord> filesOf(
            StreamExecutionEnvironment env, Map<SourceStream, InputFile> files, Instant at) {
        DataStream<IngestedRecord> records = null;
        for (Map.Entry<SourceStream, InputFile> e : files.entrySet()) {
            FileSource<IngestedRecord> source =
                    FileSource.forRecordStreamFormat(
                                    JsonLinesFormat.forReplay(
                                            e.getKey(),
                                            at,
                                            settings.pseudonymiser(),
                                            e.getValue().scanned().losingCopies()),
                                    new org.apache.flink.core.fs.Path(e.getValue().path().toUri()))
                            .build();
            DataStream<IngestedRecord> stream =
                    env.fromSource(
                                    source,
                                    IngestedRecord.watermarks(
                                                    Duration.ofMillis(
                                                            e.getValue()
                                                                    .scanned()
                                                                    .maxDisorderMillis()),
                                                    null)
                                            .withWatermarkAlignment(
                                                    "replay-files", MAX_DRIFT, DRIFT_CHECK),
                                    e.getKey().topic())
                            .setParallelism(1)
                            .uid("source-" + e.getKey().topic());
            records = records == null ? stream : records.union(stream);
        }
        return records;
    }

    /**
     * Removes the sorted runs and shuffle files the job left in {@code dir}, and {@code dir} (if
     * any).
     */
    private static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Thread progressTicker(LongConsumer progress) {
        Thread t =
                new Thread(
                        () -> {
                            try {
                                while (!Thread.currentThread().isInterrupted()) {
                                    progress.accept(JsonLinesFormat.LINES_READ.get());
                                    Thread.sleep(500);
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "replay-progress");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static <T> void write(Path file, List<T> rows, Function<T, String> json)
            throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (T row : rows) {
                w.write(json.apply(row));
                w.write('\n');
            }
        }
    }
}
