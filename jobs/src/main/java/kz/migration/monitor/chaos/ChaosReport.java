package kz.migration.monitor.chaos;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * What a chaos run found: per step (the start, then each fault), how long the job took to recover
 * and whether the committed outputs then equalled replay over the same input.
 *
 * @param setup one line on the deployment and the traffic
 * @param steps in order
 * @param took the whole run
 */
public record ChaosReport(String setup, List<Step> steps, Duration took) {

    /**
     * One step.
     *
     * @param fault what was done, or the start
     * @param throughDay the last simulated day produced before the comparison
     * @param recovered from the fault to the first checkpoint started after it completing, or null
     *     (no fault, or none completed in time)
     * @param equalAfter from the fault (or the step's start) until the committed outputs equalled
     *     replay, or null if they never did in time
     * @param outputs the four outputs compared with replay at that point
     */
    public record Step(
            String fault,
            LocalDate throughDay,
            Duration recovered,
            Duration equalAfter,
            List<OutputComparison> outputs) {

        public boolean passed() {
            return equalAfter != null && outputs.stream().allMatch(OutputComparison::identical);
        }

        /** The comparison of one output ({@code alerts}, {@code flow-stats}, ...). */
        public OutputComparison output(String name) {
            return outputs.stream()
                    .filter(o -> o.output().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no output " + name));
        }
    }

    public boolean passed() {
        return !steps.isEmpty() && steps.stream().allMatch(Step::passed);
    }

    public String render() {
        StringBuilder b = new StringBuilder();
        b.append("chaos report: ").append(setup).append('\n');
        int n = 0;
        for (Step s : steps) {
            b.append(
                    String.format("%d. %s (traffic through %s)%n", n++, s.fault(), s.throughDay()));
            if (s.recovered() != null) {
                b.append(
                        String.format(
                                "   recovered in %s (first checkpoint started after the fault"
                                        + " completed)%n",
                                seconds(s.recovered())));
            }
            b.append(
                    s.equalAfter() != null
                            ? String.format(
                                    "   outputs equal replay %s after %s%n",
                                    seconds(s.equalAfter()),
                                    s.recovered() != null ? "the fault" : "the step began")
                            : "   outputs did NOT equal replay in time\n");
            for (OutputComparison o : s.outputs()) {
                b.append("   ").append(o).append('\n');
            }
        }
        b.append(
                String.format(
                        "%s in %s%n",
                        passed()
                                ? "PASSED: nothing lost, nothing doubled"
                                : "FAILED: outputs differ from replay",
                        seconds(took)));
        return b.toString();
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
