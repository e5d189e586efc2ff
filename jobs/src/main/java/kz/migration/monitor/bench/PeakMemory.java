package kz.migration.monitor.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** This process' peak heap use (sampled every 100 ms) and peak resident set. */
final class PeakMemory {

    private final AtomicLong peakHeap = new AtomicLong();
    private final Thread sampler;

    private PeakMemory() {
        sampler =
                new Thread(
                        () -> {
                            var memory = ManagementFactory.getMemoryMXBean();
                            while (!Thread.currentThread().isInterrupted()) {
                                peakHeap.accumulateAndGet(
                                        memory.getHeapMemoryUsage().getUsed(), Math::max);
                                try {
                                    Thread.sleep(100);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        },
                        "bench-heap-sampler");
        sampler.setDaemon(true);
    }

    static PeakMemory start() {
        PeakMemory m = new PeakMemory();
        m.sampler.start();
        return m;
    }

    long peakHeapBytes() {
        return peakHeap.get();
    }

    void stop() {
        sampler.interrupt();
    }

    /** The peak resident set (VmHWM) of this process where Linux reports it. */
    static String peakResident() {
        return peakResident(Path.of("/proc/self/status"));
    }

    /** The VmHWM line of a {@code /proc/<pid>/status} file, or {@code n/a}. */
    static String peakResident(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return line.substring(6).trim();
                }
            }
        } catch (IOException e) {
            // not Linux, or the process is gone
        }
        return "n/a";
    }
}
