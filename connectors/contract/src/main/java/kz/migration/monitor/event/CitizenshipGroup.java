package kz.migration.monitor.event;

import java.util.Set;

/** The contract's statistical citizenship groups: KAZ, CIS and everyone else. */
public enum CitizenshipGroup {
    KAZ,
    CIS,
    OTHER;

    private static final Set<String> CIS_MEMBERS =
            Set.of("AZE", "ARM", "BLR", "KGZ", "MDA", "RUS", "TJK", "TKM", "UZB");

    /** The group of an ISO 3166-1 alpha-3 citizenship. */
    public static CitizenshipGroup of(String citizenship) {
        if ("KAZ".equals(citizenship)) {
            return KAZ;
        }
        return CIS_MEMBERS.contains(citizenship) ? CIS : OTHER;
    }
}
