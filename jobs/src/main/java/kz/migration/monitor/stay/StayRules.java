package kz.migration.monitor.stay;

import java.io.Serializable;
import java.util.Set;

/**
 * Day-limit rules by citizenship group: EAEU (90 per entry, 90 in 180), LIMITED (14, 42) and
 * DEFAULT (30, 90) by default. Citizens of Kazakhstan have no limits.
 */
public record StayRules(
        Set<String> eaeu,
        StayRule eaeuRule,
        Set<String> limited,
        StayRule limitedRule,
        StayRule defaultRule)
        implements Serializable {

    /** The contract's defaults (since 27 January 2023). */
    public static StayRules defaults() {
        return new StayRules(
                Set.of("RUS", "BLR", "ARM", "KGZ"),
                new StayRule(90, 90),
                Set.of("IND", "IRN"),
                new StayRule(14, 42),
                new StayRule(30, 90));
    }

    /** The rule for a citizenship, or {@code null} for {@code KAZ}. */
    public StayRule ruleFor(String citizenship) {
        if ("KAZ".equals(citizenship)) {
            return null;
        }
        if (eaeu.contains(citizenship)) {
            return eaeuRule;
        }
        return limited.contains(citizenship) ? limitedRule : defaultRule;
    }

    /** Citizens of Kazakhstan and the EAEU need no work permit. */
    public boolean mayWorkWithoutPermit(String citizenship) {
        return "KAZ".equals(citizenship) || eaeu.contains(citizenship);
    }
}
