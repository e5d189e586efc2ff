package kz.migration.monitor.cli;

import java.util.Map;
import kz.migration.monitor.job.MonitorSettings;
import kz.migration.monitor.stay.StayRule;
import kz.migration.monitor.stay.StayRules;
import picocli.CommandLine.Option;

/**
 * The contract's configurable rules: day limits per citizenship group and the length of a
 * relocation contract. Shared by {@code replay}, {@code run} and {@code demo}.
 */
final class RuleOptions {

    @Option(
            names = "--stay-rule",
            paramLabel = "GROUP=DAYS/WINDOW",
            description =
                    "Day limits of a group: EAEU, LIMITED or DEFAULT, e.g. DEFAULT=30/90 (defaults:"
                            + " EAEU=90/90, LIMITED=14/42, DEFAULT=30/90).")
    Map<String, String> stayRules = Map.of();

    @Option(
            names = "--contract-years",
            defaultValue = "5",
            description = "Years a relocation contract binds (default: ${DEFAULT-VALUE}).")
    int contractYears;

    MonitorSettings applyTo(MonitorSettings settings) {
        return settings.withRules(stayRules(), contractYears());
    }

    /** Checks the options; a mistake is reported before anything starts. */
    void validate() {
        stayRules();
        contractYears();
    }

    private int contractYears() {
        if (contractYears < 1) {
            throw new IllegalArgumentException(
                    "--contract-years must be at least 1: " + contractYears);
        }
        return contractYears;
    }

    private StayRules stayRules() {
        StayRules d = StayRules.defaults();
        StayRule eaeu = d.eaeuRule();
        StayRule limited = d.limitedRule();
        StayRule other = d.defaultRule();
        for (Map.Entry<String, String> e : stayRules.entrySet()) {
            StayRule rule = parse(e.getKey(), e.getValue());
            switch (e.getKey()) {
                case "EAEU" -> eaeu = rule;
                case "LIMITED" -> limited = rule;
                case "DEFAULT" -> other = rule;
                default ->
                        throw new IllegalArgumentException(
                                "--stay-rule "
                                        + e.getKey()
                                        + ": the groups are EAEU, LIMITED and DEFAULT");
            }
        }
        return new StayRules(d.eaeu(), eaeu, d.limited(), limited, other);
    }

    private static StayRule parse(String group, String value) {
        String[] parts = value.split("/");
        try {
            if (parts.length == 2) {
                int perEntry = Integer.parseInt(parts[0].trim());
                int window = Integer.parseInt(parts[1].trim());
                if (perEntry > 0 && window > 0 && window <= 180) {
                    return new StayRule(perEntry, window);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "--stay-rule "
                        + group
                        + "="
                        + value
                        + ": expected DAYS/WINDOW, positive, WINDOW at most 180");
    }
}
