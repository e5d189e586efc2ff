package kz.migration.monitor.event;

/**
 * The figures of an alert; each type fills its own and leaves the rest {@code null}, and only
 * non-null figures are written out.
 */
public record AlertDetails(
        Integer overstayDays,
        Integer year,
        String category,
        Long limit,
        Long utilisation,
        String permitId,
        Program program,
        Region hostRegion,
        Region newRegion,
        Integer months,
        Boolean returned,
        Long netInflow7d,
        Long threshold) {

    public static AlertDetails overstay(int overstayDays) {
        return new AlertDetails(
                overstayDays,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    public static AlertDetails quota(
            int year, String category, long limit, long utilisation, String permitId) {
        return new AlertDetails(
                null,
                year,
                category,
                limit,
                utilisation,
                permitId,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    public static AlertDetails contract(
            Program program, Region hostRegion, Region newRegion, int months, boolean returned) {
        return new AlertDetails(
                null,
                null,
                null,
                null,
                null,
                null,
                program,
                hostRegion,
                newRegion,
                months,
                returned,
                null,
                null);
    }

    public static AlertDetails inflow(long netInflow7d, long threshold) {
        return new AlertDetails(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                netInflow7d,
                threshold);
    }

    public static AlertDetails none() {
        return new AlertDetails(
                null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
