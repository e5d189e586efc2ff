package kz.migration.monitor.benchmarks;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code CONTRACT_INSTANT(text)}: the epoch milliseconds of an ISO-8601 instant with an offset, or
 * NULL for any other text. SQL has no reading of ISO-8601 with an arbitrary offset ({@code Z} or
 * {@code +05:00}), so this one function takes the contract's rule (the same shape check as the
 * parsers) into the query.
 */
public final class ContractInstant extends ScalarFunction {

    private static final long serialVersionUID = 1L;

    private static final Pattern SHAPE =
            Pattern.compile(
                    "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?"
                            + "(Z|[+-][0-9]{2}(:[0-9]{2})?)");

    public Long eval(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant()
                    .toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
