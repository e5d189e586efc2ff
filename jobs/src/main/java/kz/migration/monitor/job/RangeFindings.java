package kz.migration.monitor.job;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import kz.migration.monitor.event.InputEvent;
import kz.migration.monitor.json.InputParser;
import kz.migration.monitor.json.OccurredAtPeek;
import kz.migration.monitor.json.Parsed;
import kz.migration.monitor.json.RawPayload;

/**
 * What {@link DisorderScan} finds in one range of a file, line by line, parsing only the lines
 * whose validity could change it: the findings (earliest and latest valid event time, worst
 * disorder) are exactly those of parsing every line.
 *
 * <p>Event times come from {@link OccurredAtPeek}. A line that lies within the times seen and no
 * further behind than the worst disorder so far changes nothing, valid or not, and is not parsed:
 * that is nearly every line of a file in rough time order. The latest time seen may belong to a
 * line not yet known to be valid; such lines wait as candidates (ascending time), and only when a
 * valid line lies further behind them than the worst disorder, when they grow too many or at the
 * end are they parsed, the latest first, until one is valid: it is the true latest time, and the
 * candidates below it no longer matter.
 */
final class RangeFindings {

    /** Candidates kept before the latest are parsed: bounds the lines held in memory. */
    static final int MAX_CANDIDATES = 256;

    /** A line whose event time is known but whose validity is not. */
    private record Candidate(long timestamp, RawPayload line) {}

    private final InputParser<? extends InputEvent> parser;
    private final Deque<Candidate> candidates = new ArrayDeque<>();

    private long lines;
    private long parsed;
    private long disorder;

    /** Earliest and latest event time of a line known to be valid; MIN_VALUE before the first. */
    private long min = Long.MIN_VALUE;

    private long max = Long.MIN_VALUE;

    // Candidates exist only once a valid line has set min and max, and all lie above max.

    RangeFindings(InputParser<? extends InputEvent> parser) {
        this.parser = parser;
    }

    /** Takes the next line of the range. */
    void accept(RawPayload line) {
        lines++;
        if (line.problem() != null || line.text().isBlank()) {
            // A line rejected before parsing is never valid.
            return;
        }
        long peeked = OccurredAtPeek.millis(line.text());
        if (peeked == OccurredAtPeek.UNKNOWN) {
            long ts = validTimestamp(line);
            if (ts != OccurredAtPeek.UNKNOWN) {
                addValid(ts);
            }
            return;
        }
        if (max == Long.MIN_VALUE) {
            // Nothing valid yet to compare with: the first valid line sets both ends.
            long ts = validTimestamp(line);
            if (ts != OccurredAtPeek.UNKNOWN) {
                addValid(ts);
            }
            return;
        }
        long latest = candidates.isEmpty() ? max : candidates.peekLast().timestamp();
        if (peeked > latest) {
            candidates.addLast(new Candidate(peeked, line));
            if (candidates.size() > MAX_CANDIDATES) {
                settleLatest();
            }
            return;
        }
        boolean belowMin = peeked < min;
        if (!belowMin && latest - peeked <= disorder) {
            if (peeked > max) {
                // Within the disorder whatever it follows, but the latest valid time if every
                // candidate above it turns out invalid.
                insertCandidate(new Candidate(peeked, line));
            }
            return;
        }
        long ts = validTimestamp(line);
        if (ts != OccurredAtPeek.UNKNOWN) {
            addValid(ts);
        }
    }

    /** Lines parsed so far. */
    long parsed() {
        return parsed;
    }

    /** The range's findings once every line is taken. */
    DisorderScan.Range finish() {
        settleLatest();
        return new DisorderScan.Range(lines, disorder, min, max);
    }

    /** A valid line at {@code ts}, in file order after those taken so far. */
    private void addValid(long ts) {
        if (max == Long.MIN_VALUE) {
            min = ts;
            max = ts;
            return;
        }
        long latest = candidates.isEmpty() ? max : candidates.peekLast().timestamp();
        if (ts >= latest) {
            // Above every candidate: they can no longer be the latest, valid or not.
            candidates.clear();
            max = ts;
            min = Math.min(min, ts);
            return;
        }
        if (latest - ts > disorder) {
            settleLatest();
        }
        if (ts > max) {
            dropCandidatesUpTo(ts);
            max = ts;
        } else {
            disorder = Math.max(disorder, max - ts);
        }
        min = Math.min(min, ts);
    }

    /** Parses candidates, latest first, until one is valid: then it is the latest time. */
    private void settleLatest() {
        while (!candidates.isEmpty()) {
            Candidate c = candidates.pollLast();
            if (validTimestamp(c.line()) != OccurredAtPeek.UNKNOWN) {
                candidates.clear();
                max = c.timestamp();
                return;
            }
        }
    }

    private void insertCandidate(Candidate c) {
        Deque<Candidate> above = new ArrayDeque<>();
        while (!candidates.isEmpty() && candidates.peekLast().timestamp() > c.timestamp()) {
            above.push(candidates.pollLast());
        }
        candidates.addLast(c);
        candidates.addAll(above);
        if (candidates.size() > MAX_CANDIDATES) {
            settleLatest();
        }
    }

    private void dropCandidatesUpTo(long ts) {
        while (!candidates.isEmpty() && candidates.peekFirst().timestamp() <= ts) {
            candidates.pollFirst();
        }
    }

    /** The line's event time if it is valid, else {@link OccurredAtPeek#UNKNOWN}. */
    private long validTimestamp(RawPayload line) {
        parsed++;
        Parsed<? extends InputEvent> p = parser.parse(line, Instant.EPOCH);
        return p.isValid() ? p.event().timestamp() : OccurredAtPeek.UNKNOWN;
    }
}
