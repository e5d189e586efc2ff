package kz.migration.monitor.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A process of a local deployment, known by its name: a pid file in the state directory says which
 * process it is, so that any later command can find it and stop it by pid. A pid is only taken for
 * this process while the process's command line still carries the name and the state directory
 * (pids are reused).
 */
public final class LocalProcess {

    /** The JVM property that marks a process as {@code <name>@<state directory>}. */
    static final String MARKER = "-Dmigration.monitor.node=";

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final ProcessHandle handle;

    private LocalProcess(String name, ProcessHandle handle) {
        this.name = name;
        this.handle = handle;
    }

    /** The marker option for a process of this name; put it among the JVM options. */
    static String marker(StateLayout layout, String name) {
        return MARKER + name + "@" + layout.root();
    }

    /**
     * Starts {@code command} (which carries {@link #marker}) in its own session, so that it
     * outlives the command that started it and the terminal, with stdout and stderr appended to
     * {@code logs/<name>.log}, and records its pid.
     */
    static LocalProcess start(
            StateLayout layout, String name, List<String> command, Map<String, String> env)
            throws IOException {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // A new session: no SIGHUP when the terminal closes, no SIGINT from its Ctrl-C.
            full.add(SETSID.toString());
        }
        full.addAll(command);
        ProcessBuilder pb =
                new ProcessBuilder(full)
                        .directory(layout.root().toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.log(name).toFile()))
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        Process process = pb.start();
        Files.writeString(
                pidFile(layout, name), Long.toString(process.pid()), StandardCharsets.UTF_8);
        return new LocalProcess(name, process.toHandle());
    }

    /** The live process of that name in {@code layout}, if there is one. */
    public static Optional<LocalProcess> find(StateLayout layout, String name) {
        Path file = pidFile(layout, name);
        long pid;
        try {
            pid = Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        String marker = marker(layout, name);
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(
                        h ->
                                h.info()
                                        .arguments()
                                        .map(args -> List.of(args).contains(marker))
                                        .orElse(false))
                .map(h -> new LocalProcess(name, h));
    }

    /** Every live process with a pid file in {@code layout}, by name. */
    public static List<LocalProcess> all(StateLayout layout) throws IOException {
        if (!Files.isDirectory(layout.pids())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(layout.pids())) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".pid"))
                    .map(n -> n.substring(0, n.length() - ".pid".length()))
                    .sorted()
                    .flatMap(n -> find(layout, n).stream())
                    .toList();
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return handle.pid();
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    /** SIGKILL, as a crash: the process gets no chance to clean up. */
    public void kill() {
        handle.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, then SIGKILL if it has not exited within {@code grace}. */
    public void stop(Duration grace) {
        handle.destroy();
        if (!awaitExit(grace)) {
            kill();
        }
    }

    /** Waits for the process to exit; false if it still runs after {@code timeout}. */
    public boolean awaitExit(Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        } catch (ExecutionException e) {
            return !handle.isAlive();
        }
    }

    private static Path pidFile(StateLayout layout, String name) {
        return layout.pids().resolve(name + ".pid");
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
