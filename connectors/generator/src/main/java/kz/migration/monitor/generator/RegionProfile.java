package kz.migration.monitor.generator;

import java.util.List;

/**
 * A region of Kazakhstan as the generator sees it: its ISO 3166-2:KZ code, population on 1 January
 * 2026 (domain notes; the regions the notes give only as "0.7 to 0.95 million" are spread over that
 * range) and its main settlements, the administrative centre first.
 */
record RegionProfile(String code, String name, int population, List<String> cities) {

    static final List<RegionProfile> ALL =
            List.of(
                    new RegionProfile(
                            "KZ-10", "Abai", 596_000, List.of("Semey", "Ayagoz", "Kurchatov")),
                    new RegionProfile(
                            "KZ-11",
                            "Akmola",
                            780_000,
                            List.of("Kokshetau", "Shchuchinsk", "Stepnogorsk")),
                    new RegionProfile(
                            "KZ-15",
                            "Aktobe",
                            950_000,
                            List.of("Aktobe", "Kandyagash", "Khromtau")),
                    new RegionProfile(
                            "KZ-19",
                            "Almaty region",
                            1_596_331,
                            List.of("Konaev", "Kaskelen", "Talgar", "Esik")),
                    new RegionProfile("KZ-23", "Atyrau", 720_000, List.of("Atyrau", "Kulsary")),
                    new RegionProfile(
                            "KZ-27", "West Kazakhstan", 700_000, List.of("Oral", "Aksai")),
                    new RegionProfile(
                            "KZ-31", "Jambyl", 1_215_373, List.of("Taraz", "Shu", "Karatau")),
                    new RegionProfile(
                            "KZ-33",
                            "Jetisu",
                            700_000,
                            List.of("Taldykorgan", "Zharkent", "Tekeli")),
                    new RegionProfile(
                            "KZ-35",
                            "Karaganda",
                            1_131_287,
                            List.of("Karaganda", "Temirtau", "Balkhash", "Shakhtinsk")),
                    new RegionProfile(
                            "KZ-39",
                            "Kostanay",
                            830_000,
                            List.of("Kostanay", "Rudny", "Lisakovsk")),
                    new RegionProfile(
                            "KZ-43",
                            "Kyzylorda",
                            850_000,
                            List.of("Kyzylorda", "Aralsk", "Kazaly")),
                    new RegionProfile(
                            "KZ-47", "Mangystau", 800_000, List.of("Aktau", "Zhanaozen", "Beineu")),
                    new RegionProfile(
                            "KZ-55", "Pavlodar", 750_000, List.of("Pavlodar", "Ekibastuz", "Aksu")),
                    new RegionProfile(
                            "KZ-59",
                            "North Kazakhstan",
                            514_732,
                            List.of("Petropavl", "Bulaevo", "Mamlyut")),
                    new RegionProfile(
                            "KZ-61",
                            "Turkistan",
                            2_148_658,
                            List.of("Turkistan", "Kentau", "Saryagash", "Zhetysai")),
                    new RegionProfile("KZ-62", "Ulytau", 218_993, List.of("Zhezkazgan", "Satpaev")),
                    new RegionProfile(
                            "KZ-63",
                            "East Kazakhstan",
                            720_000,
                            List.of("Oskemen", "Ridder", "Zaisan")),
                    new RegionProfile("KZ-71", "Astana", 1_638_233, List.of("Astana")),
                    new RegionProfile("KZ-75", "Almaty", 2_347_924, List.of("Almaty")),
                    new RegionProfile("KZ-79", "Shymkent", 1_293_648, List.of("Shymkent")));

    static RegionProfile byCode(String code) {
        for (RegionProfile r : ALL) {
            if (r.code.equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown region " + code);
    }

    String capital() {
        return cities.get(0);
    }
}
