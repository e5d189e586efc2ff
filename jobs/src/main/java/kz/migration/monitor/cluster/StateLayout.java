package kz.migration.monitor.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The state directory of a local deployment: everything that must outlive its processes. Broker
 * data, checkpoints and savepoints survive a crash of every process; pid files let a later command
 * find (and stop) the processes an earlier one started.
 */
public record StateLayout(Path root) {

    public StateLayout {
        root = root.toAbsolutePath().normalize();
    }

    /** Flink's {@code config.yaml} and the processes' logging configuration. */
    public Path conf() {
        return root.resolve("conf");
    }

    /** The broker's {@code server.properties} and its data ({@code data/}). */
    public Path kafka() {
        return root.resolve("kafka");
    }

    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    public Path savepoints() {
        return root.resolve("savepoints");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path pids() {
        return root.resolve("pids");
    }

    /** Flink's temporary files (blobs, web uploads), kept out of {@code /tmp}. */
    public Path tmp() {
        return root.resolve("tmp");
    }

    /** The ports chosen at the first {@code up}, reused by every later one. */
    public Path portsFile() {
        return root.resolve("ports.properties");
    }

    public Path log(String process) {
        return logs().resolve(process + ".log");
    }

    /** {@code file:///...} of the checkpoint directory, as Flink and {@code run} take it. */
    public String checkpointsUri() {
        return "file://" + checkpoints();
    }

    public String savepointsUri() {
        return "file://" + savepoints();
    }

    public void create() throws IOException {
        for (Path p :
                new Path[] {conf(), kafka(), checkpoints(), savepoints(), logs(), pids(), tmp()}) {
            Files.createDirectories(p);
        }
    }
}
