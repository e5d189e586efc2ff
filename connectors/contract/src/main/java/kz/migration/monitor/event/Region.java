package kz.migration.monitor.event;

import java.util.HashMap;
import java.util.Map;

/** The 20 first-level units of Kazakhstan by their ISO 3166-2:KZ numeric codes (since 2022). */
public enum Region {
    KZ_10("KZ-10", "Abai"),
    KZ_11("KZ-11", "Akmola"),
    KZ_15("KZ-15", "Aktobe"),
    KZ_19("KZ-19", "Almaty region"),
    KZ_23("KZ-23", "Atyrau"),
    KZ_27("KZ-27", "West Kazakhstan"),
    KZ_31("KZ-31", "Jambyl"),
    KZ_33("KZ-33", "Jetisu"),
    KZ_35("KZ-35", "Karaganda"),
    KZ_39("KZ-39", "Kostanay"),
    KZ_43("KZ-43", "Kyzylorda"),
    KZ_47("KZ-47", "Mangystau"),
    KZ_55("KZ-55", "Pavlodar"),
    KZ_59("KZ-59", "North Kazakhstan"),
    KZ_61("KZ-61", "Turkistan"),
    KZ_62("KZ-62", "Ulytau"),
    KZ_63("KZ-63", "East Kazakhstan"),
    KZ_71("KZ-71", "Astana"),
    KZ_75("KZ-75", "Almaty"),
    KZ_79("KZ-79", "Shymkent");

    private static final Map<String, Region> BY_CODE = new HashMap<>();

    static {
        for (Region r : values()) {
            BY_CODE.put(r.code, r);
        }
    }

    private final String code;
    private final String unit;

    Region(String code, String unit) {
        this.code = code;
        this.unit = unit;
    }

    /** The ISO 3166-2:KZ code, e.g. {@code KZ-71}. */
    public String code() {
        return code;
    }

    /** The unit's English name, e.g. {@code Astana}. */
    public String unit() {
        return unit;
    }

    /** The region of an ISO code, or {@code null} for anything else. */
    public static Region ofCode(String code) {
        return code == null ? null : BY_CODE.get(code);
    }
}
