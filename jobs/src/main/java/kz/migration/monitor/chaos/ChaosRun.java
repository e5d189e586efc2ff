package kz.migration.monitor.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.migration.monitor.cluster.ClusterPorts;
import kz.migration.monitor.cluster.FlinkRest;
import kz.migration.monitor.cluster.LocalCluster;
import kz.migration.monitor.cluster.LocalProcess;
import kz.migration.monitor.cluster.StateLayout;
import kz.migration.monitor.event.Topics;
import kz.migration.monitor.generator.GeneratorSettings;
import kz.migration.monitor.job.MonitorSettings;
import kz.migration.monitor.job.Replay;
import kz.migration.monitor.job.RetainedCheckpoints;
import kz.migration.monitor.json.Pseudonymiser;

/**
 * Faults on the multi-process deployment while generated traffic flows, each followed by a
 * comparison of the committed outputs with {@code replay} over the same input.
 *
 * <p>The run starts a {@link LocalCluster} (broker, JobManager, two TaskManagers, the job) in an
 * empty state directory and produces traffic a simulated day at a time. Each step produces some
 * days; a fault strikes once half of them are out, while the rest keep coming. After the step's
 * last day, the job's watermark stands at a known instant (see {@link ChaosTraffic}); the run then
 * waits until what {@code read_committed} consumers see in the four output topics equals replay's
 * outputs over everything in the input topics as of that instant. Every process is stopped by pid
 * at the end, also when the run fails or the JVM is stopped.
 */
public final class ChaosRun {

    /** The faults, in the order the full run applies them. */
    public enum Fault {
        /** SIGKILL a TaskManager that runs tasks, and start a new one. */
        TASKMANAGER_KILL("kill -9 a TaskManager running tasks, start a new one"),
        /** Stop the broker process and start it again on its data. */
        BROKER_RESTART("stop the broker (SIGTERM), start it again"),
        /** SIGKILL the JobManager and every TaskManager, then {@code local-cluster up}. */
        CLUSTER_KILL("kill -9 the JobManager and both TaskManagers, bring the cluster back"),
        /** SIGKILL the job's {@code run} process (a MiniCluster) and start the same command. */
        RUN_PROCESS_KILL("kill -9 the `run` process, start the same command again");

        private final String description;

        Fault(String description) {
            this.description = description;
        }
    }

    /**
     * How to run.
     *
     * @param stateDir an empty (or missing) directory for the deployment's state
     * @param jar {@code migration-monitor.jar}
     * @param jobJar {@code migration-monitor-job.jar}
     * @param seed the traffic's seed
     * @param start the first simulated day
     * @param scale border events per simulated day
     * @param firstStepDays simulated days produced before the first fault: a month and more, so
     *     that stays run long enough for overstays to be alerted while the faults strike
     * @param daysPerStep simulated days produced in each step with a fault
     * @param dayPace real time per simulated day
     * @param faults the faults, one step each
     * @param timeout how long a step may take to recover and catch up
     * @param progress where to tell what happens
     */
    public record Settings(
            Path stateDir,
            Path jar,
            Path jobJar,
            long seed,
            LocalDate start,
            int scale,
            int firstStepDays,
            int daysPerStep,
            Duration dayPace,
            List<Fault> faults,
            Duration timeout,
            PrintStream progress) {}

    /** Out-of-order, late (1-10 min), duplicate and malformed records all well within it. */
    static final Duration LATENESS = Duration.ofHours(1);

    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(5);
    private static final int PARTITIONS = 2;
    private static final String KEY = "chaos-run-pseudonym-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SAVEPOINT = Pattern.compile("Savepoint completed\\. Path: (\\S+)");

    private final Settings s;
    private final StateLayout layout;
    private final LocalCluster cluster;
    private ChaosTraffic traffic;
    private boolean onCluster = true;
    private String runSavepoint;
    private int replays;

    public ChaosRun(Settings settings) {
        this.s = settings;
        this.layout = new StateLayout(settings.stateDir());
        this.cluster =
                new LocalCluster(
                        layout,
                        new LocalCluster.Settings(
                                settings.jar(),
                                settings.jobJar(),
                                new ClusterPorts(0, 0, 0, 0),
                                2,
                                2,
                                2,
                                PARTITIONS,
                                null,
                                List.of(
                                        "--checkpoint-interval",
                                        CHECKPOINT_INTERVAL.toString(),
                                        "--lateness",
                                        LATENESS.toString(),
                                        // Ticks close every day on every partition: no partition
                                        // is ever idle, and none may be taken for idle.
                                        "--idleness",
                                        "PT0S",
                                        "--group-id",
                                        "chaos",
                                        "--flink-metrics-port",
                                        "0"),
                                Map.of(Pseudonymiser.KEY_VARIABLE, KEY)));
    }

    /** Runs every step and stops every process; the report says whether all outputs matched. */
    public ChaosReport run() throws Exception {
        if (Files.isDirectory(layout.root()) && !isEmpty(layout.root())) {
            throw new IllegalArgumentException(
                    "the chaos run needs an empty state directory, not " + layout.root());
        }
        long began = System.nanoTime();
        int days = s.firstStepDays() + s.daysPerStep() * s.faults().size();
        traffic =
                ChaosTraffic.generate(
                        new GeneratorSettings(
                                s.seed(), s.start(), days, s.scale(), 0.005, 0.02, 0.01, 0.005),
                        PARTITIONS,
                        LATENESS);
        Thread cleanup = new Thread(this::stopEverything, "chaos-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        List<ChaosReport.Step> steps = new ArrayList<>();
        try {
            say("starting broker, JobManager, 2 TaskManagers and the job in " + layout.root());
            LocalCluster.Up up = cluster.up();
            say("job " + up.jobId() + " runs; web UI " + cluster.ports().restUrl());
            awaitRecovery(Instant.EPOCH);
            try (TrafficFeed feed = new TrafficFeed(cluster.ports().bootstrapServers())) {
                List<LocalDate> all = traffic.days();
                steps.add(step(feed, null, all.subList(0, s.firstStepDays())));
                for (int i = 0; i < s.faults().size() && steps.get(i).passed(); i++) {
                    int from = s.firstStepDays() + s.daysPerStep() * i;
                    List<LocalDate> stepDays = all.subList(from, from + s.daysPerStep());
                    steps.add(step(feed, s.faults().get(i), stepDays));
                }
            }
        } finally {
            stopEverything();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // The JVM is exiting and the hook ran: nothing left to remove.
            }
        }
        return new ChaosReport(
                String.format(
                        "Kafka broker, Flink JobManager and 2 TaskManagers (2 slots each) as"
                                + " separate processes, the job at parallelism %d with a"
                                + " checkpoint every %ds; %d simulated days from %s at %,d border"
                                + " events a day (seed %d), %d before the first fault and %d per"
                                + " fault, one day per %.1f s, with"
                                + " out-of-order, late, duplicate and malformed records",
                        2,
                        CHECKPOINT_INTERVAL.toSeconds(),
                        days,
                        s.start(),
                        s.scale(),
                        s.seed(),
                        s.firstStepDays(),
                        s.daysPerStep(),
                        s.dayPace().toMillis() / 1000.0),
                steps,
                Duration.ofNanos(System.nanoTime() - began));
    }

    private ChaosReport.Step step(TrafficFeed feed, Fault fault, List<LocalDate> days)
            throws Exception {
        String what = fault == null ? "start: no fault" : fault.description;
        if (fault == Fault.RUN_PROCESS_KILL && onCluster) {
            what = handOverToRunProcess() + "; then " + what;
        }
        say(what + ": producing " + days.get(0) + " to " + days.get(days.size() - 1));
        CountDownLatch half = new CountDownLatch(1);
        AtomicReference<Exception> feedFailure = new AtomicReference<>();
        Thread feeder =
                new Thread(
                        () -> {
                            try {
                                feed.produce(traffic, days, s.dayPace(), half);
                            } catch (Exception e) {
                                feedFailure.set(e);
                                half.countDown();
                            }
                        },
                        "chaos-traffic");
        Instant began = Instant.now();
        feeder.start();
        Duration recovered = null;
        Instant from = began;
        if (fault != null) {
            half.await();
            Injected done = inject(fault);
            from = done.down();
            what = what + " [" + done.what() + "]";
            say(done.what() + "; waiting for a checkpoint");
            recovered = awaitRecovery(from);
            say(
                    recovered == null
                            ? "no checkpoint completed in time"
                            : "recovered in " + recovered);
        }
        feeder.join();
        if (feedFailure.get() != null) {
            throw feedFailure.get();
        }
        LocalDate last = days.get(days.size() - 1);
        return compare(what, last, recovered, from);
    }

    /**
     * A fault done and the deployment being brought back.
     *
     * @param down when the process died (or the broker had stopped): recovery counts from here
     */
    private record Injected(String what, Instant down) {}

    /** Does the fault and whatever brings the deployment back. */
    private Injected inject(Fault fault) throws Exception {
        switch (fault) {
            case TASKMANAGER_KILL -> {
                String jobId = cluster.liveJob().orElseThrow().id();
                String busy = cluster.rest().taskManagersOf(jobId).iterator().next();
                String name = busy.substring(0, busy.lastIndexOf('-'));
                LocalProcess victim = cluster.process(name).orElseThrow();
                victim.kill();
                Instant down = Instant.now();
                cluster.up();
                return new Injected("killed " + victim + ", started a new " + name, down);
            }
            case BROKER_RESTART -> {
                LocalProcess broker = cluster.process(LocalCluster.BROKER).orElseThrow();
                broker.stop(Duration.ofSeconds(60));
                Instant down = Instant.now();
                cluster.start(LocalCluster.BROKER);
                cluster.awaitBroker();
                return new Injected(
                        String.format(
                                "stopped %s, started it again (ready %.1f s later)",
                                broker, Duration.between(down, Instant.now()).toMillis() / 1000.0),
                        down);
            }
            case CLUSTER_KILL -> {
                List<LocalProcess> flink =
                        LocalProcess.all(layout).stream()
                                .filter(p -> !p.name().equals(LocalCluster.BROKER))
                                .toList();
                flink.forEach(LocalProcess::kill);
                Instant down = Instant.now();
                LocalCluster.Up up = cluster.up();
                return new Injected("killed " + flink + "; up: " + up.submission(), down);
            }
            case RUN_PROCESS_KILL -> {
                LocalProcess run = cluster.process(LocalCluster.RUN).orElseThrow();
                run.kill();
                Instant down = Instant.now();
                LocalProcess again = cluster.startRun(runSavepoint);
                return new Injected(
                        "killed " + run + ", started the same command again as " + again, down);
            }
            default -> throw new IllegalStateException(fault.toString());
        }
    }

    /**
     * Moves the job from the cluster to a {@code run} process: stop with a savepoint, the cluster
     * down, {@code run --from-savepoint}.
     */
    private String handOverToRunProcess() throws Exception {
        String out = cluster.stopJobWithSavepoint();
        Matcher m = SAVEPOINT.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("stop with savepoint failed:\n" + out);
        }
        runSavepoint = m.group(1);
        for (LocalProcess p : LocalProcess.all(layout)) {
            if (!p.name().equals(LocalCluster.BROKER)) {
                p.stop(Duration.ofSeconds(30));
            }
        }
        Instant from = Instant.now();
        cluster.startRun(runSavepoint);
        onCluster = false;
        Duration started = awaitRecovery(from);
        return "handed the job over to a `run` process from savepoint "
                + runSavepoint
                + " (first checkpoint after "
                + (started == null ? "-" : started.toMillis() / 1000.0 + " s")
                + ")";
    }

    /**
     * Waits for the first checkpoint that started after {@code from} to complete, and returns how
     * long after {@code from}; null if none did within the timeout.
     */
    private Duration awaitRecovery(Instant from) throws Exception {
        long deadline = System.nanoTime() + s.timeout().toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Long> at = checkpointCompletedAfter(from.toEpochMilli());
            if (at.isPresent()) {
                return Duration.ofMillis(Math.max(0, at.get() - from.toEpochMilli()));
            }
            Thread.sleep(250);
        }
        return null;
    }

    private Optional<Long> checkpointCompletedAfter(long millis) {
        try {
            if (onCluster) {
                FlinkRest rest = cluster.rest();
                Optional<FlinkRest.Job> job = cluster.liveJob();
                if (job.isEmpty()) {
                    return Optional.empty();
                }
                return rest.latestCheckpoint(job.get().id())
                        .filter(c -> c.triggeredAtMillis() > millis)
                        .map(FlinkRest.Checkpoint::completedAtMillis);
            }
            return RetainedCheckpoints.latestCheckpoint(layout.checkpointsUri())
                    .filter(c -> c.writtenAtMillis() > millis)
                    .map(RetainedCheckpoints.Snapshot::writtenAtMillis);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the JobManager or the process is still coming back
        }
    }

    /**
     * Replays the input as of the watermark after {@code last}, then waits until the committed
     * outputs equal it (or a record doubled or unexpected shows they never will).
     */
    private ChaosReport.Step compare(String what, LocalDate last, Duration recovered, Instant from)
            throws Exception {
        Instant asOf = traffic.watermarkAfter(last);
        Map<String, List<String>> expected = replay(asOf);
        String bootstrap = cluster.ports().bootstrapServers();
        long deadline = System.nanoTime() + s.timeout().toNanos();
        List<OutputComparison> outputs;
        boolean confirming = false;
        while (true) {
            outputs = new ArrayList<>();
            for (String topic : Topics.outputs()) {
                outputs.add(
                        OutputComparison.of(
                                topic,
                                expected.get(topic),
                                normalised(topic, CommittedRecords.read(bootstrap, topic))));
            }
            boolean equal = outputs.stream().allMatch(OutputComparison::identical);
            boolean broken = outputs.stream().anyMatch(o -> o.doubled() > 0 || o.unexpected() > 0);
            if (equal && confirming) {
                Duration after = Duration.between(from, Instant.now());
                say("outputs equal replay: " + outputs);
                return new ChaosReport.Step(
                        what, last, recovered, after.minus(confirmation()), outputs);
            }
            if (broken || System.nanoTime() > deadline) {
                say("outputs differ from replay: " + outputs);
                return new ChaosReport.Step(what, last, recovered, null, outputs);
            }
            // Once equal, look again a little later: a doubled record would show by then.
            confirming = equal;
            Thread.sleep(equal ? confirmation().toMillis() : 1000);
        }
    }

    private static Duration confirmation() {
        return CHECKPOINT_INTERVAL.plusSeconds(1);
    }

    /**
     * Replay (the {@code replay} command's code) over everything in the input topics now, as of
     * {@code asOf}; its outputs normalised as the topics' are.
     */
    private Map<String, List<String>> replay(Instant asOf) throws Exception {
        Path dir = layout.root().resolve("replay-" + replays++);
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = dir.resolve("out");
        for (String topic : Topics.inputs()) {
            List<String> lines =
                    CommittedRecords.read(cluster.ports().bootstrapServers(), topic).stream()
                            .filter(v -> v != null)
                            .toList();
            Files.write(in.resolve(topic + ".jsonl"), lines, StandardCharsets.UTF_8);
        }
        new Replay(MonitorSettings.streaming(new Pseudonymiser(KEY)), 2)
                .run(in, out, asOf, n -> {});
        Map<String, List<String>> expected = new java.util.HashMap<>();
        for (String topic : Topics.outputs()) {
            expected.put(
                    topic,
                    normalised(
                            topic,
                            Files.readAllLines(
                                    out.resolve(topic + ".jsonl"), StandardCharsets.UTF_8)));
        }
        return expected;
    }

    /** Each record as compact JSON; dead letters without {@code receivedAt} (a wall-clock time). */
    private static List<String> normalised(String topic, List<String> values) throws IOException {
        List<String> rows = new ArrayList<>(values.size());
        for (String v : values) {
            JsonNode n = JSON.readTree(v);
            if (topic.equals(Topics.DEAD_LETTERS) && n instanceof ObjectNode o) {
                o.remove("receivedAt");
            }
            rows.add(n.toString());
        }
        return rows;
    }

    private void stopEverything() {
        try {
            LocalCluster.down(layout, Duration.ofSeconds(5));
        } catch (IOException e) {
            s.progress().println("chaos: stopping the processes failed: " + e);
        }
    }

    private void say(String line) {
        s.progress().printf("%tT chaos: %s%n", System.currentTimeMillis(), line);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }
}
