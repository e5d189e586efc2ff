package kz.migration.monitor.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.migration.monitor.job.RetainedCheckpoints;
import kz.migration.monitor.job.StreamingJob;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The monitor as separate processes on one machine, all from {@code migration-monitor.jar}: a Kafka
 * broker ({@code broker}), a Flink JobManager ({@code StandaloneSessionClusterEntrypoint}) and
 * TaskManagers ({@code TaskManagerRunner}), and the job submitted with Flink's own client ({@code
 * CliFrontend run}) from {@code migration-monitor-job.jar}.
 *
 * <p>{@link #up} starts whatever is not running and submits the job when none runs; the job resumes
 * from the newest retained checkpoint (or savepoint) in the state directory. So {@code up} after
 * any crash, of one process or all, brings everything back where it stopped.
 */
public final class LocalCluster {

    public static final String BROKER = "broker";
    public static final String JOBMANAGER = "jobmanager";

    /** The job as one {@code run} process on a MiniCluster instead of the session cluster. */
    public static final String RUN = "run";

    static final String SUBMIT = "submit";
    private static final String TASKMANAGER = "taskmanager-";
    private static final String CLI = "kz.migration.monitor.cli.MonitorCli";
    private static final String JOBMANAGER_MAIN =
            "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    private static final String EXEC_RESULT = "BASH_JAVA_UTILS_EXEC_RESULT:";
    private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");
    private static final Pattern RESTORE =
            Pattern.compile("(?m)^(restoring from .*|no completed .*)$");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    /**
     * What to run.
     *
     * @param jar {@code migration-monitor.jar}: every process's classpath
     * @param jobJar {@code migration-monitor-job.jar}: the job submitted
     * @param ports requested ports at the first start (0: a free one)
     * @param taskManagers how many TaskManagers
     * @param slots slots per TaskManager
     * @param parallelism the job's parallelism
     * @param partitions partitions of each topic created
     * @param metricsPorts Flink's Prometheus reporter port range, or {@code null} for none
     * @param jobArgs more options of the {@code run} command
     * @param jobEnv environment of the client (e.g. {@code MONITOR_PSEUDONYM_KEY}); the rest is
     *     inherited
     */
    public record Settings(
            Path jar,
            Path jobJar,
            ClusterPorts ports,
            int taskManagers,
            int slots,
            int parallelism,
            int partitions,
            String metricsPorts,
            List<String> jobArgs,
            Map<String, String> jobEnv) {}

    /**
     * What {@link #up} did.
     *
     * @param started the processes it started
     * @param jobId the job running now
     * @param submission the client's line on where the job started from, or empty if it ran already
     */
    public record Up(List<LocalProcess> started, String jobId, String submission) {}

    /**
     * A job submitted.
     *
     * @param startedFrom the client's line on where it started from (a checkpoint, a savepoint,
     *     afresh)
     */
    public record Submission(String jobId, String startedFrom) {}

    private final StateLayout layout;
    private final Settings settings;
    private ClusterPorts ports;
    private List<String> taskManagerMemory;
    private List<String> jobManagerMemory;
    private final Map<String, String> resourceIds = new HashMap<>();

    public LocalCluster(StateLayout layout, Settings settings) {
        this.layout = layout;
        this.settings = settings;
    }

    public StateLayout layout() {
        return layout;
    }

    /** The ports (chosen at the first start). */
    public ClusterPorts ports() throws IOException {
        if (ports == null) {
            ports = ClusterPorts.loadOrChoose(layout, settings.ports());
        }
        return ports;
    }

    public FlinkRest rest() throws IOException {
        return new FlinkRest(ports().restUrl());
    }

    public static String taskManager(int i) {
        return TASKMANAGER + i;
    }

    /** Starts what is not running, waits until it is ready, and submits the job if none runs. */
    public Up up() throws Exception {
        prepare();
        List<LocalProcess> started = new ArrayList<>();
        startIfStopped(BROKER, started);
        startIfStopped(JOBMANAGER, started);
        for (int i = 1; i <= settings.taskManagers(); i++) {
            startIfStopped(taskManager(i), started);
        }
        awaitBroker();
        ContractTopics.ensure(ports().bootstrapServers(), "", settings.partitions());
        awaitFlink();
        Optional<FlinkRest.Job> running = liveJob();
        if (running.isPresent()) {
            return new Up(started, running.get().id(), "");
        }
        Submission submitted = submitJob();
        awaitJob(submitted.jobId());
        return new Up(started, submitted.jobId(), submitted.startedFrom());
    }

    /** Creates the state directory, chooses the ports and writes the configuration. */
    public void prepare() throws IOException {
        layout.create();
        new FlinkClusterConfig(settings.slots(), settings.parallelism(), settings.metricsPorts())
                .write(layout, ports());
    }

    private void startIfStopped(String name, List<LocalProcess> started) throws Exception {
        if (LocalProcess.find(layout, name).isEmpty()) {
            started.add(start(name));
        }
    }

    /** Starts the process of that name ({@link #BROKER}, {@link #JOBMANAGER}, a TaskManager). */
    public LocalProcess start(String name) throws Exception {
        Path jar = settings.jar();
        List<String> command;
        if (name.equals(BROKER)) {
            command =
                    JavaCommand.of(
                            layout,
                            name,
                            List.of("-Xmx512m", "-XX:+UseSerialGC"),
                            true,
                            jar,
                            CLI,
                            List.of(
                                    "broker",
                                    "--dir",
                                    layout.kafka().toString(),
                                    "--port",
                                    String.valueOf(ports().kafka()),
                                    "--controller-port",
                                    String.valueOf(ports().controller())));
        } else if (name.equals(JOBMANAGER)) {
            if (jobManagerMemory == null) {
                jobManagerMemory = memoryParameters("GET_JM_RESOURCE_PARAMS");
            }
            command =
                    flinkProcess(
                            name,
                            jobManagerMemory,
                            JOBMANAGER_MAIN,
                            List.of("--executionMode", "cluster"));
        } else if (name.startsWith(TASKMANAGER)) {
            if (taskManagerMemory == null) {
                taskManagerMemory = memoryParameters("GET_TM_RESOURCE_PARAMS");
            }
            // Unique per start: a replacement must not pass for the TaskManager that died.
            String resourceId = name + "-" + System.currentTimeMillis();
            resourceIds.put(name, resourceId);
            command =
                    flinkProcess(
                            name,
                            taskManagerMemory,
                            "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
                            List.of("-D", "taskmanager.resource-id=" + resourceId));
        } else {
            throw new IllegalArgumentException("no process " + name);
        }
        return LocalProcess.start(layout, name, command, Map.of());
    }

    /**
     * A Flink JVM as Flink's scripts start it: the memory options {@code BashJavaUtils} derives
     * from the configuration (JVM flags first, then {@code -D} options for the process).
     */
    private List<String> flinkProcess(
            String name, List<String> memory, String mainClass, List<String> extraArgs)
            throws IOException {
        List<String> jvm = new ArrayList<>(JavaCommand.FLINK_JAVA_17_OPTIONS);
        jvm.addAll(Arrays.asList(memory.get(0).trim().split("\\s+")));
        List<String> args = new ArrayList<>(List.of("--configDir", layout.conf().toString()));
        args.addAll(extraArgs);
        if (memory.size() > 1 && !memory.get(1).isBlank()) {
            args.addAll(Arrays.asList(memory.get(1).trim().split("\\s+")));
        }
        return JavaCommand.of(layout, name, jvm, true, settings.jar(), mainClass, args);
    }

    /** Runs {@code BashJavaUtils <command>} over the configuration and returns its result lines. */
    private List<String> memoryParameters(String command) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(JavaCommand.java().toString());
        cmd.addAll(JavaCommand.TOOL_OPTIONS);
        cmd.addAll(
                List.of(
                        "-cp",
                        settings.jar().toString(),
                        "org.apache.flink.runtime.util.bash.BashJavaUtils",
                        command,
                        "--configDir",
                        layout.conf().toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("BashJavaUtils " + command + " failed:\n" + out);
        }
        List<String> results =
                out.lines()
                        .filter(l -> l.startsWith(EXEC_RESULT))
                        .map(l -> l.substring(EXEC_RESULT.length()))
                        .toList();
        if (results.isEmpty()) {
            throw new IllegalStateException(
                    "BashJavaUtils " + command + " printed no result:\n" + out);
        }
        return results;
    }

    /** Waits until the broker answers clients. */
    public void awaitBroker() throws Exception {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                ports().bootstrapServers(),
                                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                                5000,
                                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                                4000))) {
            await(
                    "the broker at " + ports().bootstrapServers(),
                    List.of(BROKER),
                    () -> {
                        try {
                            return !admin.describeCluster().nodes().get().isEmpty();
                        } catch (Exception e) {
                            return false;
                        }
                    });
        }
    }

    /** Waits until the REST endpoint answers and every TaskManager started here registered. */
    public void awaitFlink() throws Exception {
        FlinkRest rest = rest();
        List<String> watched = new ArrayList<>(List.of(JOBMANAGER));
        watched.addAll(resourceIds.keySet());
        await(
                "the JobManager and TaskManagers",
                watched,
                () -> {
                    if (!rest.answers()) {
                        return false;
                    }
                    var registered = rest.taskManagers();
                    return resourceIds.entrySet().stream()
                            .filter(e -> LocalProcess.find(layout, e.getKey()).isPresent())
                            .allMatch(e -> registered.contains(e.getValue()));
                });
    }

    /** The monitor job in the cluster, if one runs (or is restarting). */
    public Optional<FlinkRest.Job> liveJob() throws IOException {
        return rest().jobs().stream()
                .filter(j -> j.name().equals(StreamingJob.NAME) && j.alive())
                .findFirst();
    }

    /**
     * Submits the job with Flink's client, starting from the newest savepoint under {@code
     * savepoints/} or retained checkpoint under {@code checkpoints/}, whichever is newer. Returns
     * the job id and the client's line on where it started from.
     */
    public Submission submitJob() throws Exception {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "run",
                                "-d",
                                "-c",
                                CLI,
                                settings.jobJar().toString(),
                                "run",
                                "--bootstrap",
                                ports().bootstrapServers(),
                                "--checkpoint-dir",
                                layout.checkpointsUri()));
        Optional<RetainedCheckpoints.Snapshot> savepoint =
                RetainedCheckpoints.latestSavepoint(layout.savepointsUri());
        if (savepoint.isPresent()) {
            args.add("--from-savepoint");
            args.add(savepoint.get().path());
        }
        args.addAll(settings.jobArgs());
        List<String> jvm = new ArrayList<>(JavaCommand.FLINK_JAVA_17_OPTIONS);
        jvm.addAll(JavaCommand.TOOL_OPTIONS);
        String output =
                runToEnd(
                        SUBMIT,
                        JavaCommand.of(
                                layout,
                                SUBMIT,
                                jvm,
                                false,
                                settings.jar(),
                                "org.apache.flink.client.cli.CliFrontend",
                                args));
        Matcher id = JOB_ID.matcher(output);
        if (!id.find()) {
            throw new IllegalStateException(
                    "the Flink client did not submit the job (log: "
                            + layout.log(SUBMIT)
                            + "):\n"
                            + tail(output));
        }
        Matcher restore = RESTORE.matcher(output);
        return new Submission(id.group(1), restore.find() ? restore.group(1) : "");
    }

    /**
     * Stops the job with a savepoint under {@code savepoints/} (Flink's {@code stop}) and returns
     * the client's output, which names the savepoint.
     */
    public String stopJobWithSavepoint() throws Exception {
        FlinkRest.Job job =
                liveJob().orElseThrow(() -> new IllegalStateException("no monitor job runs"));
        List<String> jvm = new ArrayList<>(JavaCommand.FLINK_JAVA_17_OPTIONS);
        jvm.addAll(JavaCommand.TOOL_OPTIONS);
        return runToEnd(
                SUBMIT,
                JavaCommand.of(
                        layout,
                        SUBMIT,
                        jvm,
                        false,
                        settings.jar(),
                        "org.apache.flink.client.cli.CliFrontend",
                        List.of("stop", "--savepointPath", layout.savepointsUri(), job.id())));
    }

    /**
     * Starts the job as a {@code run} process (a MiniCluster in one JVM, as {@code java -jar ...
     * run} on a machine without a Flink cluster), on the same broker, checkpoint directory and
     * transactional ids as the cluster's job.
     *
     * @param savepoint {@code --from-savepoint}, or {@code null}
     */
    public LocalProcess startRun(String savepoint) throws Exception {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "run",
                                "--bootstrap",
                                ports().bootstrapServers(),
                                "--checkpoint-dir",
                                layout.checkpointsUri(),
                                "--parallelism",
                                String.valueOf(settings.parallelism())));
        if (savepoint != null) {
            args.add("--from-savepoint");
            args.add(savepoint);
        }
        args.addAll(settings.jobArgs());
        List<String> jvm = new ArrayList<>(JavaCommand.FLINK_JAVA_17_OPTIONS);
        jvm.addAll(List.of("-Xmx1g", "-XX:+UseSerialGC"));
        return LocalProcess.start(
                layout,
                RUN,
                JavaCommand.of(layout, RUN, jvm, false, settings.jar(), CLI, args),
                settings.jobEnv());
    }

    /** Runs a client process (tracked by pid like the others) and returns what it printed. */
    private String runToEnd(String name, List<String> command) throws Exception {
        Path log = layout.log(name);
        long from = Files.exists(log) ? Files.size(log) : 0;
        Map<String, String> env = new HashMap<>(settings.jobEnv());
        env.put("FLINK_CONF_DIR", layout.conf().toString());
        LocalProcess client = LocalProcess.start(layout, name, command, env);
        if (!client.awaitExit(START_TIMEOUT)) {
            client.kill();
            throw new IllegalStateException(
                    "the Flink client did not finish within " + START_TIMEOUT);
        }
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
    }

    /** Waits until the job runs with all its tasks. */
    public void awaitJob(String jobId) throws Exception {
        FlinkRest rest = rest();
        await("job " + jobId + " to run", List.of(JOBMANAGER), () -> rest.allTasksRunning(jobId));
    }

    /** The live process of that name. */
    public Optional<LocalProcess> process(String name) {
        return LocalProcess.find(layout, name);
    }

    /**
     * Stops every process of the deployment by pid (SIGTERM, SIGKILL after {@code grace}), the
     * broker last so that the job's clients see it to the end.
     */
    public static List<LocalProcess> down(StateLayout layout, Duration grace) throws IOException {
        List<LocalProcess> all = LocalProcess.all(layout);
        List<LocalProcess> brokerLast = new ArrayList<>();
        all.stream().filter(p -> !p.name().equals(BROKER)).forEach(brokerLast::add);
        all.stream().filter(p -> p.name().equals(BROKER)).forEach(brokerLast::add);
        for (LocalProcess p : brokerLast) {
            p.stop(grace);
        }
        return brokerLast;
    }

    /**
     * Polls {@code ready} until it holds; fails at once, with the log, if a watched process died.
     */
    void await(String what, List<String> watched, Callable<Boolean> ready) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!ready.call()) {
            for (String name : watched) {
                if (LocalProcess.find(layout, name).isEmpty()
                        && Files.exists(layout.pids().resolve(name + ".pid"))) {
                    throw new IllegalStateException(
                            name
                                    + " exited while waiting for "
                                    + what
                                    + "; its log "
                                    + layout.log(name)
                                    + " ends:\n"
                                    + tail(layout.log(name)));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "timed out after " + START_TIMEOUT + " waiting for " + what);
            }
            Thread.sleep(250);
        }
    }

    static String tail(Path log) {
        try {
            return tail(Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "<no log: " + e + ">";
        }
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
