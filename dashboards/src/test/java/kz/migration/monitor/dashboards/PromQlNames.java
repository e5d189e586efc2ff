package kz.migration.monitor.dashboards;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts the metric (series) names a PromQL expression reads. Not a full parser: it strips what
 * cannot be a metric name (strings, label matchers, ranges, grouping clauses, numbers, Grafana
 * variables, function calls) and keeps the identifiers left over, which is exact for the
 * expressions a dashboard or rule file contains.
 */
final class PromQlNames {

    private static final Pattern STRINGS =
            Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern OFFSET = Pattern.compile("\\boffset\\s+-?\\w+");
    private static final Pattern VARIABLES = Pattern.compile("\\$\\{?\\w+}?");
    private static final Pattern NUMBERS =
            Pattern.compile(
                    "(?<![\\w:])(?:0x[0-9a-fA-F]+|\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?|\\.\\d+(?:[eE][+-]?\\d+)?)(?![\\w:])");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*");
    private static final Set<String> KEYWORDS =
            Set.of(
                    "and",
                    "or",
                    "unless",
                    "bool",
                    "by",
                    "without",
                    "on",
                    "ignoring",
                    "group_left",
                    "group_right",
                    "offset",
                    "inf",
                    "nan",
                    "Inf",
                    "NaN",
                    "atan2");

    private PromQlNames() {}

    /** The metric names {@code expr} selects, in order of appearance. */
    static Set<String> metricNames(String expr) {
        String s = STRINGS.matcher(expr).replaceAll(" ");
        s = MATCHERS.matcher(s).replaceAll(" ");
        s = RANGES.matcher(s).replaceAll(" ");
        s = GROUPING.matcher(s).replaceAll(" ");
        s = OFFSET.matcher(s).replaceAll(" ");
        s = VARIABLES.matcher(s).replaceAll(" ");
        s = NUMBERS.matcher(s).replaceAll(" ");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            String name = m.group();
            boolean isCall = s.substring(m.end()).stripLeading().startsWith("(");
            if (!isCall && !KEYWORDS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
