package kz.migration.monitor.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import kz.migration.monitor.event.SourceStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes every input parser with 10,000 mutated records per stream under fixed seeds: no input
 * makes a parser throw, every rejection is one well-formed dead letter naming a field, every
 * accepted record is valid by its JSON Schema, and parser and schema never disagree except where
 * the schema cannot state a parser rule. A failure prints the inputs, and the seed replays them
 * ({@code migration-monitor.jar fuzz --inputs 40000 --seed 20260301}).
 */
class ParserFuzzTest {

    private static final long INPUTS_PER_STREAM = 10_000;
    private static final long SEED = 20260301L;

    private static FuzzReport report;

    @BeforeAll
    static void fuzz() {
        report =
                new ParserFuzzer()
                        .run(INPUTS_PER_STREAM * SourceStream.values().length, SEED, done -> {});
    }

    @Test
    void noInputFailsACheck() {
        assertThat(report.findings()).as(report.text()).isZero();
    }

    @Test
    void everyStreamGetsItsShareAndBothOutcomes() {
        for (SourceStream s : SourceStream.values()) {
            FuzzReport.StreamCounts c = report.counts(s);
            assertThat(c.inputs()).as(s.topic()).isEqualTo(INPUTS_PER_STREAM);
            assertThat(c.crashes()).as(s.topic()).isZero();
            // mutations that never reach acceptance, or never fail, would prove little
            assertThat(c.accepted()).as(s.topic()).isGreaterThan(INPUTS_PER_STREAM / 20);
            assertThat(c.rejected()).as(s.topic()).isGreaterThan(INPUTS_PER_STREAM / 2);
            assertThat(c.acceptedValidBySchema()).as(s.topic()).isEqualTo(c.accepted());
            assertThat(c.rejectedWithOneDeadLetterNamingAField())
                    .as(s.topic())
                    .isEqualTo(c.rejected());
            assertThat(c.unexplainedDisagreements()).as(s.topic()).isZero();
        }
    }

    @Test
    void hostileSizesAndDepthsAreReached() {
        long size = 0;
        long depth = 0;
        for (SourceStream s : SourceStream.values()) {
            size +=
                    report.counts(s)
                            .explained
                            .getOrDefault(ParseOracle.Disagreement.SIZE_BOUND, 0L);
            depth +=
                    report.counts(s)
                            .explained
                            .getOrDefault(ParseOracle.Disagreement.DEPTH_BOUND, 0L);
        }
        assertThat(size).as("records over the size bound the schema admits").isPositive();
        assertThat(depth).as("records over the depth bound the schema admits").isPositive();
    }
}
