package kz.migration.monitor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import kz.migration.monitor.cluster.ContractTopics;
import kz.migration.monitor.event.Topics;
import kz.migration.monitor.generator.GeneratorSettings;
import kz.migration.monitor.generator.KafkaRecordSink;
import kz.migration.monitor.generator.TrafficGenerator;

/**
 * Streaming throughput beside its baseline, in one run: a broker of its own process is filled with
 * generated traffic; one bare Kafka consumer reads the input topics from the earliest offset to the
 * end; then the job ({@code run --bounded --from-earliest}, exactly once) reads the same topics in
 * a JVM of its own, once per state backend. The report gives records/s of each and the ratio.
 *
 * @param jar {@code migration-monitor.jar}, the classpath of the broker and the job
 * @param work the broker's data, checkpoints, logs and recordings
 * @param stateBackends the job's runs, e.g. {@code rocksdb}, {@code hashmap}
 * @param jfr record the (first) job run with Java Flight Recorder into {@code work/job-*.jfr}
 */
public record StreamingBench(
        Path jar,
        Path work,
        GeneratorSettings traffic,
        int partitions,
        int parallelism,
        List<String> stateBackends,
        Duration checkpointInterval,
        String jobHeap,
        boolean jfr) {

    /** Runs the benchmark and returns its report (Markdown). */
    public String run() throws Exception {
        Files.createDirectories(work);
        try (BenchBroker broker = BenchBroker.start(jar, work.resolve("broker"), "1g")) {
            String bootstrap = broker.bootstrapServers();
            ContractTopics.ensure(bootstrap, "", partitions);

            long t0 = System.nanoTime();
            Map<String, Long> counts;
            try (KafkaRecordSink sink = new KafkaRecordSink(bootstrap)) {
                counts = new TrafficGenerator(traffic).generate(sink);
            }
            double produceSeconds = (System.nanoTime() - t0) / 1e9;
            long produced = counts.values().stream().mapToLong(Long::longValue).sum();
            log("produced %,d records in %.1f s %s", produced, produceSeconds, counts);

            // Twice: the first read also warms the broker's page cache and the consumer's JIT; the
            // faster is the baseline, so the ratio errs against the job.
            BareConsumer.Result first = BareConsumer.read(bootstrap, Topics.inputs());
            BareConsumer.Result second = BareConsumer.read(bootstrap, Topics.inputs());
            BareConsumer.Result bare =
                    first.recordsPerSecond() > second.recordsPerSecond() ? first : second;
            log(
                    "bare consumer: %,d records in %.2f s and %.2f s",
                    bare.records(), first.seconds(), second.seconds());

            List<JobRun> runs = new ArrayList<>();
            for (String backend : stateBackends) {
                runs.add(runJob(bootstrap, backend, runs.isEmpty() && jfr));
            }
            return report(produced, counts, produceSeconds, bare, runs);
        }
    }

    /** One bounded run of the job and what it wrote. */
    record JobRun(
            String backend,
            double wallSeconds,
            OptionalLong netRuntimeMillis,
            Map<String, Long> outputs,
            Path jfr) {}

    private JobRun runJob(String bootstrap, String backend, boolean record) throws Exception {
        String group = "bench-" + backend;
        Path recording = record ? work.resolve("job-" + backend + ".jfr") : null;
        Path log = work.resolve("job-" + backend + ".log");
        List<String> args =
                List.of(
                        "--bounded",
                        "--from-earliest",
                        "--group-id",
                        group,
                        "--topic-prefix",
                        "",
                        "--state-backend",
                        backend,
                        "--parallelism",
                        String.valueOf(parallelism),
                        "--checkpoint-interval",
                        checkpointInterval.toString(),
                        "--checkpoint-dir",
                        work.resolve("checkpoints-" + backend).toUri().toString(),
                        "--flink-metrics-port",
                        "0");
        long t0 = System.nanoTime();
        int code;
        try (BenchProcess job = JobProcess.start(jar, bootstrap, args, jobHeap, recording, log)) {
            log("job (%s) started as %s", backend, job);
            code = job.awaitExit(Duration.ofMinutes(30));
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        if (code != 0) {
            throw new IllegalStateException("the job failed (exit " + code + "); see " + log);
        }
        OptionalLong net = JobProcess.netRuntimeMillis(log);
        // Each run writes the outputs again (its own transactions): count this run's share.
        Map<String, Long> outputs = OutputCounts.committed(bootstrap, Topics.outputs());
        log("job (%s): %.1f s, outputs %s", backend, wall, outputs);
        return new JobRun(backend, wall, net, outputs, recording);
    }

    private String report(
            long produced,
            Map<String, Long> counts,
            double produceSeconds,
            BareConsumer.Result bare,
            List<JobRun> runs) {
        StringBuilder b = new StringBuilder();
        b.append(
                String.format(
                        "# Streaming throughput%n%n| figure | value |%n|---|---|%n"
                                + "| traffic | %d days at %,d border events/day, seed %d, %d"
                                + " partitions per topic |%n"
                                + "| input records | %,d %s |%n"
                                + "| produced | %.1f s (%,.0f records/s, idempotent producer) |%n"
                                + "| bare consumer | %,d records, %,d MiB in %.2f s: **%,.0f"
                                + " records/s** (one KafkaConsumer, byte[], read_committed, all"
                                + " partitions) |%n",
                        traffic.days(),
                        traffic.scale(),
                        traffic.seed(),
                        partitions,
                        produced,
                        counts,
                        produceSeconds,
                        produced / produceSeconds,
                        bare.records(),
                        bare.bytes() >> 20,
                        bare.seconds(),
                        bare.recordsPerSecond()));
        Map<String, Long> before = Map.of();
        for (JobRun r : runs) {
            double rate = produced / r.wallSeconds();
            String net =
                    r.netRuntimeMillis().isPresent()
                            ? String.format(
                                    "; Flink's net runtime %.1f s: %,.0f records/s, ratio %.3f",
                                    r.netRuntimeMillis().getAsLong() / 1e3,
                                    produced * 1e3 / r.netRuntimeMillis().getAsLong(),
                                    produced
                                            * 1e3
                                            / r.netRuntimeMillis().getAsLong()
                                            / bare.recordsPerSecond())
                            : "";
            b.append(
                    String.format(
                            "| job, %s, exactly once | %.1f s as a process: **%,.0f records/s,"
                                    + " ratio %.3f** to the bare consumer%s |%n",
                            r.backend(),
                            r.wallSeconds(),
                            rate,
                            rate / bare.recordsPerSecond(),
                            net));
            b.append(
                    String.format(
                            "| outputs of the %s run | %s |%n",
                            r.backend(), OutputCounts.difference(r.outputs(), before)));
            before = r.outputs();
        }
        b.append(
                String.format(
                        "| job settings | `run --bounded --from-earliest --parallelism %d"
                                + " --checkpoint-interval %s`, one JVM of its own (MiniCluster,"
                                + " -Xmx%s); the broker in another (-Xmx1g) |%n",
                        parallelism, checkpointInterval, jobHeap));
        for (JobRun r : runs) {
            if (r.jfr() != null) {
                b.append(String.format("| recording | %s |%n", r.jfr()));
            }
        }
        b.append(
                String.format(
                        "| machine | %d cores, Java %s |%n",
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version")));
        return b.toString();
    }

    static void log(String format, Object... args) {
        System.err.printf("bench: " + format + "%n", args);
    }
}
