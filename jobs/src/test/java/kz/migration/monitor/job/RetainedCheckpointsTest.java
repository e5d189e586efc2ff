package kz.migration.monitor.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.RecoveryClaimMode;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which state {@code run} resumes from: the newest completed checkpoint under its checkpoint
 * directory, across the directories of earlier jobs, never an unfinished one, and a savepoint only
 * while nothing newer was retained.
 */
class RetainedCheckpointsTest {

    @TempDir Path dir;

    @Test
    void theNewestCompletedCheckpointOfAnyEarlierJobIsTaken() throws Exception {
        completed(dir.resolve("aaaa/chk-7"), 7, 1_000);
        completed(dir.resolve("bbbb/chk-9"), 9, 3_000);
        completed(dir.resolve("cccc/chk-2"), 2, 2_000);

        RetainedCheckpoints.Snapshot latest =
                RetainedCheckpoints.latestCheckpoint(uri(dir)).orElseThrow();

        assertThat(latest.path()).endsWith("bbbb/chk-9");
        assertThat(latest.checkpointId()).isEqualTo(9);
        assertThat(latest.savepoint()).isFalse();
    }

    @Test
    void aCheckpointWithoutReadableMetadataIsNotComplete() throws Exception {
        completed(dir.resolve("aaaa/chk-4"), 4, 1_000);
        // The job died while checkpoint 5 ran: its directory has state but no _metadata.
        Files.createDirectories(dir.resolve("aaaa/chk-5"));
        Files.writeString(dir.resolve("aaaa/chk-5/some-state"), "x");
        // And one whose metadata is not a checkpoint's.
        Files.createDirectories(dir.resolve("aaaa/chk-6"));
        Files.writeString(dir.resolve("aaaa/chk-6/_metadata"), "not metadata");

        assertThat(RetainedCheckpoints.latestCheckpoint(uri(dir)).orElseThrow().path())
                .endsWith("aaaa/chk-4");
    }

    @Test
    void anEmptyOrMissingDirectoryMeansAFreshStart() throws Exception {
        assertThat(RetainedCheckpoints.latestCheckpoint(uri(dir))).isEmpty();
        assertThat(RetainedCheckpoints.latestCheckpoint(uri(dir.resolve("missing")))).isEmpty();
        assertThat(RetainedCheckpoints.startingPoint(null, uri(dir))).isEmpty();
    }

    @Test
    void aNewerRetainedCheckpointWinsOverTheSavepointGiven() throws Exception {
        Path savepoint = dir.resolve("savepoints/savepoint-abc");
        completed(savepoint, 10, 1_000);
        Path checkpoints = dir.resolve("checkpoints");

        // First start: only the savepoint.
        RetainedCheckpoints.Snapshot first =
                RetainedCheckpoints.startingPoint(uri(savepoint), uri(checkpoints)).orElseThrow();
        assertThat(first.savepoint()).isTrue();

        // The job ran on from it and was killed; the same command again continues, not back.
        completed(checkpoints.resolve("dddd/chk-12"), 12, 5_000);
        RetainedCheckpoints.Snapshot again =
                RetainedCheckpoints.startingPoint(uri(savepoint), uri(checkpoints)).orElseThrow();
        assertThat(again.path()).endsWith("dddd/chk-12");
    }

    @Test
    void aSavepointIsRestoredWithoutClaimingItAndACheckpointClaimed() throws Exception {
        completed(dir.resolve("savepoint-x"), 3, 1_000);
        completed(dir.resolve("jobs/eeee/chk-4"), 4, 2_000);

        Configuration fromSavepoint = new Configuration();
        RetainedCheckpoints.savepoint(uri(dir.resolve("savepoint-x")))
                .orElseThrow()
                .applyTo(fromSavepoint);
        Configuration fromCheckpoint = new Configuration();
        RetainedCheckpoints.latestCheckpoint(uri(dir.resolve("jobs")))
                .orElseThrow()
                .applyTo(fromCheckpoint);

        assertThat(fromSavepoint.get(StateRecoveryOptions.SAVEPOINT_PATH)).endsWith("savepoint-x");
        assertThat(fromSavepoint.get(StateRecoveryOptions.RESTORE_MODE))
                .isEqualTo(RecoveryClaimMode.NO_CLAIM);
        assertThat(fromCheckpoint.get(StateRecoveryOptions.SAVEPOINT_PATH)).endsWith("eeee/chk-4");
        assertThat(fromCheckpoint.get(StateRecoveryOptions.RESTORE_MODE))
                .isEqualTo(RecoveryClaimMode.CLAIM);
    }

    @Test
    void aSavepointThatIsNotThereIsAnError() {
        assertThatThrownBy(() -> RetainedCheckpoints.startingPoint(uri(dir.resolve("nope")), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no completed savepoint");
    }

    /** Writes real checkpoint metadata, modified at {@code modifiedMillis}. */
    private static void completed(Path checkpointDir, long id, long modifiedMillis)
            throws IOException {
        Files.createDirectories(checkpointDir);
        Path metadata = checkpointDir.resolve("_metadata");
        try (OutputStream out = Files.newOutputStream(metadata)) {
            Checkpoints.storeCheckpointMetadata(
                    new CheckpointMetadata(id, List.of(), List.of()), new DataOutputStream(out));
        }
        Files.setLastModifiedTime(metadata, FileTime.fromMillis(modifiedMillis));
    }

    private static String uri(Path p) {
        return "file://" + p.toAbsolutePath();
    }
}
