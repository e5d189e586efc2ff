package kz.migration.monitor.job;

/**
 * How replay runs the dataflow. Both modes give the same outputs; they differ in where the state
 * waits.
 */
public enum ReplayMode {
    /**
     * Flink's {@code STREAMING} mode: the files are read in step, each with its own exact watermark
     * bound, and every person of the stay window is in the heap at once.
     */
    STREAMING,

    /**
     * Flink's {@code BATCH} mode: each keyed operator's input is sorted by key and event time
     * (spilled to disk), so a person's state is in memory only while that person's records are gone
     * through. Bounded in memory, and since place events are summed before their sort the faster
     * mode too, from a day of national traffic to a year.
     */
    BATCH,

    /** {@link #BATCH} when the input is too big for the heap in {@link #STREAMING}, else that. */
    AUTO;

    /**
     * Heap that streaming replay takes per input line at its peak: the national year (30.9 M lines)
     * peaked at 7.5 GiB, 30 days (2.1 M) at 1.4-1.8 GiB; rounded up so that a run close to the
     * limit goes to disk rather than into a heap full of collections.
     */
    static final long STREAMING_HEAP_BYTES_PER_LINE = 1024;

    /** The mode to run {@code lines} of input in, with {@code maxHeapBytes} of heap. */
    public ReplayMode resolve(long lines, long maxHeapBytes) {
        if (this != AUTO) {
            return this;
        }
        return lines > maxHeapBytes / STREAMING_HEAP_BYTES_PER_LINE ? BATCH : STREAMING;
    }
}
