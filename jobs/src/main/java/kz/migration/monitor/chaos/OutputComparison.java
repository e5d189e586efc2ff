package kz.migration.monitor.chaos;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One output topic compared with replay as multisets of records: what replay gives and the topic
 * lacks is lost, a record the topic holds more often than replay gives it is doubled, one replay
 * does not give at all is unexpected.
 *
 * @param output the topic's name
 * @param expected records replay gives
 * @param committed records committed to the topic
 */
public record OutputComparison(
        String output, int expected, int committed, int lost, int doubled, int unexpected) {

    static OutputComparison of(String output, List<String> expected, List<String> committed) {
        Map<String, Integer> want = counts(expected);
        Map<String, Integer> have = counts(committed);
        int lost = 0;
        int doubled = 0;
        int unexpected = 0;
        for (Map.Entry<String, Integer> e : want.entrySet()) {
            lost += Math.max(0, e.getValue() - have.getOrDefault(e.getKey(), 0));
        }
        for (Map.Entry<String, Integer> e : have.entrySet()) {
            int wanted = want.getOrDefault(e.getKey(), 0);
            if (wanted == 0) {
                unexpected += e.getValue();
            } else {
                doubled += Math.max(0, e.getValue() - wanted);
            }
        }
        return new OutputComparison(
                output, expected.size(), committed.size(), lost, doubled, unexpected);
    }

    public boolean identical() {
        return lost == 0 && doubled == 0 && unexpected == 0;
    }

    @Override
    public String toString() {
        return identical()
                ? String.format("%s %,d identical", output, expected)
                : String.format(
                        "%s %,d expected, %,d committed: %,d lost, %,d doubled, %,d unexpected",
                        output, expected, committed, lost, doubled, unexpected);
    }

    private static Map<String, Integer> counts(List<String> rows) {
        Map<String, Integer> m = new HashMap<>();
        rows.forEach(r -> m.merge(r, 1, Integer::sum));
        return m;
    }
}
