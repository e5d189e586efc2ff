package kz.migration.monitor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import kz.migration.monitor.cluster.ClusterPorts;
import kz.migration.monitor.cluster.FlinkRest;
import kz.migration.monitor.cluster.LocalCluster;
import kz.migration.monitor.cluster.LocalProcess;
import kz.migration.monitor.cluster.StateLayout;
import kz.migration.monitor.job.RetainedCheckpoints;
import kz.migration.monitor.json.Pseudonymiser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code local-cluster up|down|status|stop-job}: the monitor as separate processes on this machine,
 * without Docker: a Kafka broker, a Flink JobManager, TaskManagers and the job.
 */
@Command(
        name = "local-cluster",
        mixinStandardHelpOptions = true,
        description = {
            "The monitor as separate processes on this machine, all from migration-monitor.jar: a"
                    + " Kafka broker, a Flink JobManager, TaskManagers, and the job submitted with"
                    + " Flink's client. State (broker data, checkpoints, savepoints, logs, pid"
                    + " files) lives in --state-dir and survives any crash: up after a crash"
                    + " resumes the job from its newest retained checkpoint."
        },
        subcommands = {
            LocalClusterCommand.Up.class,
            LocalClusterCommand.Down.class,
            LocalClusterCommand.Status.class,
            LocalClusterCommand.StopJob.class
        })
public final class LocalClusterCommand implements Runnable {

    @Option(
            names = "--state-dir",
            defaultValue = "${sys:user.home}/.migration-monitor/local-cluster",
            description = "Where the deployment keeps its state (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    StateLayout layout() {
        return new StateLayout(stateDir);
    }

    /** The jars next to the one running this command (jobs/target). */
    static Path ownJar() {
        try {
            Path p =
                    Path.of(
                            LocalClusterCommand.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI());
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException(
                        "run this from migration-monitor.jar (java -jar ...), not from " + p);
            }
            return p;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code up}. */
    @Command(
            name = "up",
            mixinStandardHelpOptions = true,
            description =
                    "Starts whatever is not running and the job if none runs, from the newest"
                            + " retained checkpoint or savepoint in the state directory. Needs"
                            + " MONITOR_PSEUDONYM_KEY.")
    static final class Up implements Callable<Integer> {

        @ParentCommand LocalClusterCommand parent;

        @Option(
                names = "--kafka-port",
                defaultValue = "9092",
                description =
                        "Broker port at the first start; 0: a free one (default:"
                                + " ${DEFAULT-VALUE}).")
        int kafkaPort;

        @Option(
                names = "--web-port",
                defaultValue = "8081",
                description =
                        "Flink UI and REST port at the first start; 0: a free one (default:"
                                + " ${DEFAULT-VALUE}).")
        int webPort;

        @Option(
                names = "--taskmanagers",
                defaultValue = "2",
                description = "TaskManagers (default: ${DEFAULT-VALUE}).")
        int taskManagers;

        @Option(
                names = "--slots",
                defaultValue = "2",
                description = "Slots per TaskManager (default: ${DEFAULT-VALUE}).")
        int slots;

        @Option(
                names = "--parallelism",
                defaultValue = "2",
                description = "Job parallelism (default: ${DEFAULT-VALUE}).")
        int parallelism;

        @Option(
                names = "--flink-metrics-ports",
                defaultValue = "9249-9260",
                description =
                        "Port range of Flink's Prometheus reporter, one port per process; none"
                                + " disables (default: ${DEFAULT-VALUE}).")
        String metricsPorts;

        @Option(
                names = "--job-jar",
                description = "The job jar (default: migration-monitor-job.jar beside this jar).")
        Path jobJar;

        @Option(
                names = "--checkpoint-interval",
                defaultValue = "PT10S",
                description = "The job's checkpoint interval (default: ${DEFAULT-VALUE}).")
        Duration checkpointInterval;

        @Override
        public Integer call() throws Exception {
            Pseudonymiser.fromEnvironment(); // fails early, before anything starts, without a key
            Path jar = ownJar();
            Path job = jobJar != null ? jobJar : jar.resolveSibling("migration-monitor-job.jar");
            if (!Files.isRegularFile(job)) {
                throw new IllegalArgumentException("no job jar at " + job + " (--job-jar)");
            }
            StateLayout layout = parent.layout();
            LocalCluster cluster =
                    new LocalCluster(
                            layout,
                            new LocalCluster.Settings(
                                    jar,
                                    job,
                                    new ClusterPorts(kafkaPort, 0, webPort, 0),
                                    taskManagers,
                                    slots,
                                    parallelism,
                                    parallelism,
                                    metricsPorts.equals("none") ? null : metricsPorts,
                                    jobArgs(checkpointInterval),
                                    Map.of()));
            LocalCluster.Up up = cluster.up();
            for (LocalProcess p : up.started()) {
                System.out.println("started " + p);
            }
            if (!up.submission().isEmpty()) {
                System.out.println("submitted job " + up.jobId() + ": " + up.submission());
            } else {
                System.out.println("job " + up.jobId() + " was running already");
            }
            Status.print(layout, cluster.ports());
            return 0;
        }
    }

    /**
     * The options of {@code run} that a local cluster sets: no reporter of its own (the cluster's
     * configuration has one).
     */
    static List<String> jobArgs(Duration checkpointInterval) {
        return List.of(
                "--checkpoint-interval",
                checkpointInterval.toString(),
                "--flink-metrics-port",
                "0");
    }

    /** {@code down}. */
    @Command(
            name = "down",
            mixinStandardHelpOptions = true,
            description =
                    "Stops every process of the deployment by pid (SIGTERM; SIGKILL after --grace)."
                        + " The job is not cancelled: its newest checkpoint stays, and the next up"
                        + " resumes from it.")
    static final class Down implements Callable<Integer> {

        @ParentCommand LocalClusterCommand parent;

        @Option(
                names = "--grace",
                defaultValue = "PT30S",
                description = "How long a process may take to stop (default: ${DEFAULT-VALUE}).")
        Duration grace;

        @Override
        public Integer call() throws Exception {
            List<LocalProcess> stopped = LocalCluster.down(parent.layout(), grace);
            if (stopped.isEmpty()) {
                System.out.println("nothing runs under " + parent.layout().root());
            }
            for (LocalProcess p : stopped) {
                System.out.println("stopped " + p);
            }
            return 0;
        }
    }

    /** {@code status}. */
    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description =
                    "Shows the processes, the job, its newest checkpoint and where things are.")
    static final class Status implements Callable<Integer> {

        @ParentCommand LocalClusterCommand parent;

        @Override
        public Integer call() throws Exception {
            StateLayout layout = parent.layout();
            Optional<ClusterPorts> ports = ClusterPorts.stored(layout);
            if (ports.isEmpty()) {
                System.out.println(
                        "no local cluster under " + layout.root() + " (local-cluster up)");
                return 1;
            }
            List<LocalProcess> running = LocalProcess.all(layout);
            if (running.isEmpty()) {
                System.out.println("no process runs");
            }
            for (LocalProcess p : running) {
                System.out.println("running " + p);
            }
            print(layout, ports.get());
            return running.isEmpty() ? 1 : 0;
        }

        static void print(StateLayout layout, ClusterPorts ports) throws Exception {
            FlinkRest rest = new FlinkRest(ports.restUrl());
            if (rest.answers()) {
                for (FlinkRest.Job j : rest.jobs()) {
                    System.out.printf("job %s %s %s%n", j.id(), j.name(), j.state());
                }
            }
            System.out.printf(
                    "  Flink web UI  %s%n  Kafka broker  %s%n  logs          %s%n  checkpoints  "
                            + " %s%n  savepoints    %s%n",
                    ports.restUrl(),
                    ports.bootstrapServers(),
                    layout.logs(),
                    layout.checkpoints(),
                    layout.savepoints());
            RetainedCheckpoints.latestCheckpoint(layout.checkpointsUri())
                    .ifPresent(
                            c ->
                                    System.out.printf(
                                            "  newest checkpoint %s (%s)%n",
                                            c.path(),
                                            java.time.Instant.ofEpochMilli(c.writtenAtMillis())));
        }
    }

    /** {@code stop-job}. */
    @Command(
            name = "stop-job",
            mixinStandardHelpOptions = true,
            description =
                    "Stops the job with a savepoint in the state directory (Flink's stop); the next"
                            + " up starts from it. For upgrades: stop-job, down, build, up.")
    static final class StopJob implements Callable<Integer> {

        @ParentCommand LocalClusterCommand parent;

        @Override
        public Integer call() throws Exception {
            StateLayout layout = parent.layout();
            ClusterPorts ports =
                    ClusterPorts.stored(layout)
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "no local cluster under " + layout.root()));
            LocalCluster cluster =
                    new LocalCluster(
                            layout,
                            new LocalCluster.Settings(
                                    ownJar(), null, ports, 0, 0, 0, 0, null, List.of(), Map.of()));
            System.out.print(cluster.stopJobWithSavepoint());
            return 0;
        }
    }
}
