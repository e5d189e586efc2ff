package kz.migration.monitor.job;

import java.io.DataInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.RecoveryClaimMode;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the state a job can start from: the newest completed checkpoint that a job retained under a
 * checkpoint directory ({@code <dir>/<jobId>/chk-<n>/_metadata}), or a savepoint.
 *
 * <p>A checkpoint is complete when its {@code _metadata} is there and reads back: Flink writes that
 * file last, after every task acknowledged, so a {@code chk-<n>} directory without it is a
 * checkpoint that was still running when its job died. Works on any file system Flink has a plugin
 * for ({@code file://}, {@code s3://}).
 */
public final class RetainedCheckpoints {

    private static final Logger LOG = LoggerFactory.getLogger(RetainedCheckpoints.class);
    private static final Pattern CHECKPOINT = Pattern.compile("chk-\\d+");
    private static final Pattern SAVEPOINT = Pattern.compile("savepoint-.+");
    private static final String METADATA = "_metadata";

    private RetainedCheckpoints() {}

    /**
     * A completed checkpoint or savepoint.
     *
     * @param path its directory, as {@code execution.state-recovery.path} takes it
     * @param checkpointId the id in its metadata
     * @param writtenAtMillis when its metadata was written (the file's modification time)
     * @param savepoint whether it was given as a savepoint (restored without claiming it)
     */
    public record Snapshot(
            String path, long checkpointId, long writtenAtMillis, boolean savepoint) {

        /** The newer of two; the later written wins, then the higher checkpoint id. */
        public static final Comparator<Snapshot> AGE =
                Comparator.comparingLong(Snapshot::writtenAtMillis)
                        .thenComparingLong(Snapshot::checkpointId);

        /**
         * Makes a job start from this snapshot. A retained checkpoint is claimed (the new job owns
         * it and deletes it once a newer one completes, so restarts do not pile up directories); a
         * savepoint is left as it is.
         */
        public void applyTo(Configuration conf) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, path);
            conf.set(
                    StateRecoveryOptions.RESTORE_MODE,
                    savepoint ? RecoveryClaimMode.NO_CLAIM : RecoveryClaimMode.CLAIM);
        }
    }

    /**
     * Where a job starts: the savepoint given, or the newest retained checkpoint under {@code
     * checkpointDir} when that is newer, so that the same command started again after a crash
     * continues where it stopped rather than going back to the savepoint (which would write again
     * what was committed since). Empty: from scratch.
     *
     * @param savepointPath a savepoint or retained checkpoint directory, or {@code null}
     * @param checkpointDir the job's checkpoint directory, or {@code null}
     * @throws IllegalArgumentException if {@code savepointPath} holds no completed snapshot
     */
    public static Optional<Snapshot> startingPoint(String savepointPath, String checkpointDir)
            throws IOException {
        Optional<Snapshot> savepoint = Optional.empty();
        if (savepointPath != null) {
            savepoint = savepoint(savepointPath);
            if (savepoint.isEmpty()) {
                throw new IllegalArgumentException(
                        "no completed savepoint at "
                                + savepointPath
                                + " (it has no readable "
                                + METADATA
                                + ")");
            }
        }
        Optional<Snapshot> checkpoint =
                checkpointDir == null ? Optional.empty() : latestCheckpoint(checkpointDir);
        return Stream.of(savepoint, checkpoint).flatMap(Optional::stream).max(Snapshot.AGE);
    }

    /**
     * The newest completed checkpoint under {@code checkpointDir} (a job's checkpoint directory or
     * the directory of all jobs' directories), if any.
     */
    public static Optional<Snapshot> latestCheckpoint(String checkpointDir) throws IOException {
        Path root = new Path(checkpointDir);
        List<Path> candidates = new ArrayList<>();
        for (FileStatus child : list(root)) {
            if (!child.isDir()) {
                continue;
            }
            if (CHECKPOINT.matcher(child.getPath().getName()).matches()) {
                candidates.add(child.getPath());
                continue;
            }
            for (FileStatus grandChild : list(child.getPath())) {
                if (grandChild.isDir()
                        && CHECKPOINT.matcher(grandChild.getPath().getName()).matches()) {
                    candidates.add(grandChild.getPath());
                }
            }
        }
        return newest(candidates, false);
    }

    /** The newest savepoint ({@code savepoint-*}) under {@code savepointDir}, if any. */
    public static Optional<Snapshot> latestSavepoint(String savepointDir) throws IOException {
        List<Path> candidates = new ArrayList<>();
        for (FileStatus child : list(new Path(savepointDir))) {
            if (child.isDir() && SAVEPOINT.matcher(child.getPath().getName()).matches()) {
                candidates.add(child.getPath());
            }
        }
        return newest(candidates, true);
    }

    /** The savepoint (or retained checkpoint) at {@code path}, if it is complete. */
    public static Optional<Snapshot> savepoint(String path) throws IOException {
        return read(new Path(path), true);
    }

    private static Optional<Snapshot> newest(List<Path> directories, boolean savepoints)
            throws IOException {
        Snapshot best = null;
        for (Path dir : directories) {
            Optional<Snapshot> s = read(dir, savepoints);
            if (s.isPresent() && (best == null || Snapshot.AGE.compare(s.get(), best) > 0)) {
                best = s.get();
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<Snapshot> read(Path dir, boolean savepoint) throws IOException {
        Path metadata = new Path(dir, METADATA);
        FileSystem fs = metadata.getFileSystem();
        FileStatus status;
        try {
            status = fs.getFileStatus(metadata);
        } catch (FileNotFoundException e) {
            return Optional.empty();
        }
        if (status.getLen() == 0) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(fs.open(metadata))) {
            CheckpointMetadata m =
                    Checkpoints.loadCheckpointMetadata(
                            in, RetainedCheckpoints.class.getClassLoader(), dir.toString());
            return Optional.of(
                    new Snapshot(
                            dir.toString(),
                            m.getCheckpointId(),
                            status.getModificationTime(),
                            savepoint));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Skipping {}: its metadata does not read back ({})", dir, e.toString());
            return Optional.empty();
        }
    }

    private static FileStatus[] list(Path dir) throws IOException {
        FileSystem fs = dir.getFileSystem();
        try {
            FileStatus[] children = fs.listStatus(dir);
            return children == null ? new FileStatus[0] : children;
        } catch (FileNotFoundException e) {
            return new FileStatus[0];
        }
    }
}
