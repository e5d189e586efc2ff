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
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the monitor's dataflow over the contract's {@code .jsonl} files on a MiniCluster and writes
 * its outputs as files. Lines may stand in any order: the job runs in Flink's {@code BATCH} mode,
 * which sorts each keyed operator's input by key and event time, so no record is ever late and each
 * key's state is in memory only while its records are gone through. A first pass over the files
 * finds the losing copies of duplicated events and the latest event time. Time stands at the as-of
 * instant (default: the latest {@code occurredAt} of any valid record).
 */
public final class Replay {

    /** What a replay produced. */
    public record Summary(
            Instant asOf, long lines, int alerts, int flowStats, int flowMatrix, int deadLetters) {}

    private final MonitorSettings settings;
    private final int parallelism;

    public Replay(MonitorSettings settings, int parallelism) {
        this.settings = settings;
        this.parallelism = parallelism;
    }

    /** A stream's file and what the first pass found in it. */
    private record InputFile(Path path, long lines, long maxTimestamp, long[] losingCopies) {}

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
                                settings.pseudonymiser());
                InputFile f =
                        new InputFile(
                                p, scanned.lines(), scanned.maxTimestamp(), scanned.losingCopies());
                files.put(s, f);
                maxTs = Math.max(maxTs, f.maxTimestamp());
                lines += f.lines();
            }
        }
        total.accept(lines);
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
            Path work = Files.createTempDirectory(outputDir, ".replay-work-");
            try {
                execute(files, at, new MonitorSinks(alerts, stats, matrix, dead), work, progress);
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
        return new Summary(at, lines, a.size(), s.size(), m.size(), d.size());
    }

    /**
     * Runs the job over {@code files} into {@code sinks}; the job's sorted runs and shuffle files
     * go to {@code work}.
     */
    private void execute(
            Map<SourceStream, InputFile> files,
            Instant at,
            MonitorSinks sinks,
            Path work,
            LongConsumer progress)
            throws Exception {
        // BATCH mode sorts each keyed operator's input by key and time, so each key is gone through
        // once, in time order, with only its own state in memory: the heap never holds every
        // person at once, and the sorted runs spill to disk.
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        // Every type has a serializer of Flink's or ours: one left to Kryo fails at once.
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(CoreOptions.TMP_DIRS, work.toString());
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.getConfig().enableObjectReuse();

        DataStream<IngestedRecord> records = null;
        for (Map.Entry<SourceStream, InputFile> e : files.entrySet()) {
            FileSource<IngestedRecord> source =
                    FileSource.forRecordStreamFormat(
                                    JsonLinesFormat.forReplay(
                                            e.getKey(),
                                            at,
                                            settings.pseudonymiser(),
                                            e.getValue().losingCopies()),
                                    new org.apache.flink.core.fs.Path(e.getValue().path().toUri()))
                            .build();
            // In BATCH mode the strategy only stamps records with their event time: Flink orders
            // them itself, so the files' disorder needs no watermark bound.
            DataStream<IngestedRecord> stream =
                    env.fromSource(
                                    source,
                                    IngestedRecord.watermarks(Duration.ZERO, null),
                                    e.getKey().topic())
                            .setParallelism(1)
                            .uid("source-" + e.getKey().topic());
            records = records == null ? stream : records.union(stream);
        }
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
            env.execute("migration-monitor replay");
        } finally {
            ticker.interrupt();
        }
    }

    /** Removes the sorted runs and shuffle files the job left in {@code dir}, and {@code dir}. */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
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
