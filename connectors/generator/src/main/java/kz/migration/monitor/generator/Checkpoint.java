package kz.migration.monitor.generator;

import java.util.List;

/**
 * A border checkpoint: its code, region, settlement, the neighbouring country of a land crossing
 * ({@code null} for airports and sea ports, which serve every country) and a relative weight of its
 * daily traffic. The list is synthetic but shaped like the real network of about 100 checkpoints:
 * the big airports and the southern crossings to Uzbekistan and Kyrgyzstan carry most people.
 */
record Checkpoint(String code, String region, String city, String neighbour, int weight) {

    static final List<Checkpoint> ALL =
            List.of(
                    // airports
                    new Checkpoint("ALA-AIRPORT", "KZ-75", "Almaty", null, 300),
                    new Checkpoint("NQZ-AIRPORT", "KZ-71", "Astana", null, 200),
                    new Checkpoint("CIT-AIRPORT", "KZ-79", "Shymkent", null, 60),
                    new Checkpoint("AKX-AIRPORT", "KZ-15", "Aktobe", null, 15),
                    new Checkpoint("GUW-AIRPORT", "KZ-23", "Atyrau", null, 25),
                    new Checkpoint("SCO-AIRPORT", "KZ-47", "Aktau", null, 20),
                    new Checkpoint("URA-AIRPORT", "KZ-27", "Oral", null, 8),
                    new Checkpoint("KGF-AIRPORT", "KZ-35", "Karaganda", null, 12),
                    new Checkpoint("PWQ-AIRPORT", "KZ-55", "Pavlodar", null, 5),
                    new Checkpoint("UKK-AIRPORT", "KZ-63", "Oskemen", null, 6),
                    new Checkpoint("PLX-AIRPORT", "KZ-10", "Semey", null, 3),
                    new Checkpoint("KSN-AIRPORT", "KZ-39", "Kostanay", null, 5),
                    new Checkpoint("PPK-AIRPORT", "KZ-59", "Petropavl", null, 2),
                    new Checkpoint("KZO-AIRPORT", "KZ-43", "Kyzylorda", null, 4),
                    new Checkpoint("DMB-AIRPORT", "KZ-31", "Taraz", null, 3),
                    new Checkpoint("HSA-AIRPORT", "KZ-61", "Turkistan", null, 12),
                    new Checkpoint("TDK-AIRPORT", "KZ-33", "Taldykorgan", null, 1),
                    new Checkpoint("KOV-AIRPORT", "KZ-11", "Kokshetau", null, 2),
                    new Checkpoint("DZN-AIRPORT", "KZ-62", "Zhezkazgan", null, 1),
                    new Checkpoint("BXH-AIRPORT", "KZ-35", "Balkhash", null, 1),
                    // sea ports on the Caspian
                    new Checkpoint("AKTAU-PORT", "KZ-47", "Aktau", null, 4),
                    new Checkpoint("KURYK-PORT", "KZ-47", "Kuryk", null, 2),
                    // rail crossings
                    new Checkpoint("SARYAGASH-RAIL", "KZ-61", "Saryagash", "UZB", 30),
                    new Checkpoint("LUGOVAYA-RAIL", "KZ-31", "Lugovoy", "KGZ", 8),
                    new Checkpoint("ALTYNKOL-RAIL", "KZ-33", "Altynkol", "CHN", 4),
                    new Checkpoint("DOSTYK-RAIL", "KZ-10", "Dostyk", "CHN", 4),
                    new Checkpoint("PETROPAVL-RAIL", "KZ-59", "Petropavl", "RUS", 8),
                    new Checkpoint("TOBOL-RAIL", "KZ-39", "Tobol", "RUS", 4),
                    new Checkpoint("ILETSK-RAIL", "KZ-15", "Aktobe", "RUS", 4),
                    new Checkpoint("OZINKI-RAIL", "KZ-27", "Oral", "RUS", 4),
                    new Checkpoint("AKSARAISKAYA-RAIL", "KZ-23", "Ganyushkino", "RUS", 3),
                    new Checkpoint("KOKPEKTY-RAIL", "KZ-55", "Pavlodar", "RUS", 3),
                    new Checkpoint("LOKOT-RAIL", "KZ-63", "Shemonaikha", "RUS", 3),
                    new Checkpoint("BOLASHAK-RAIL", "KZ-47", "Zhanaozen", "TKM", 2),
                    new Checkpoint("OASIS-RAIL", "KZ-47", "Beineu", "UZB", 3),
                    // road crossings: Uzbekistan
                    new Checkpoint("ZHIBEK-ZHOLY", "KZ-61", "Zhibek Zholy", "UZB", 220),
                    new Checkpoint("KAZYGURT", "KZ-61", "Kazygurt", "UZB", 60),
                    new Checkpoint("ATAMEKEN", "KZ-61", "Atameken", "UZB", 40),
                    new Checkpoint("ZHANA-ZHOL", "KZ-61", "Saryagash", "UZB", 35),
                    new Checkpoint("B-KONYSBAEV", "KZ-61", "Zhetysai", "UZB", 45),
                    new Checkpoint("KAPLANBEK", "KZ-61", "Kaplanbek", "UZB", 20),
                    new Checkpoint("SYRDARYA", "KZ-61", "Shardara", "UZB", 10),
                    new Checkpoint("TAZHEN", "KZ-47", "Beineu", "UZB", 12),
                    new Checkpoint("KARAKALPAKIA", "KZ-47", "Beineu", "UZB", 6),
                    new Checkpoint("ZHAILAU", "KZ-43", "Aralsk", "UZB", 4),
                    // Kyrgyzstan
                    new Checkpoint("KORDAY", "KZ-31", "Korday", "KGZ", 160),
                    new Checkpoint("AKZHOL", "KZ-31", "Korday", "KGZ", 30),
                    new Checkpoint("AISHA-BIBI", "KZ-31", "Taraz", "KGZ", 40),
                    new Checkpoint("KARASU", "KZ-31", "Karasu", "KGZ", 15),
                    new Checkpoint("SYPATAI-BATYR", "KZ-31", "Shu", "KGZ", 10),
                    new Checkpoint("KAIRAK", "KZ-31", "Merke", "KGZ", 10),
                    new Checkpoint("KENSU", "KZ-19", "Kegen", "KGZ", 6),
                    new Checkpoint("KARKARA", "KZ-19", "Kegen", "KGZ", 5),
                    new Checkpoint("SORTOBE", "KZ-31", "Sortobe", "KGZ", 8),
                    new Checkpoint("BESAGASH", "KZ-31", "Merke", "KGZ", 5),
                    // China
                    new Checkpoint("KHORGOS", "KZ-33", "Khorgos", "CHN", 40),
                    new Checkpoint("NUR-ZHOLY", "KZ-33", "Khorgos", "CHN", 20),
                    new Checkpoint("KOLZHAT", "KZ-19", "Chundzha", "CHN", 8),
                    new Checkpoint("BAKHTY", "KZ-10", "Bakhty", "CHN", 8),
                    new Checkpoint("DOSTYK", "KZ-10", "Dostyk", "CHN", 6),
                    new Checkpoint("MAIKAPSHAGAI", "KZ-63", "Zaisan", "CHN", 5),
                    new Checkpoint("ALEKSEEVKA", "KZ-33", "Zharkent", "CHN", 3),
                    // Turkmenistan
                    new Checkpoint("TEMIR-BABA", "KZ-47", "Zhanaozen", "TKM", 6),
                    // Russia
                    new Checkpoint("SYRYM", "KZ-27", "Zhympity", "RUS", 10),
                    new Checkpoint("TASKALA", "KZ-27", "Taskala", "RUS", 8),
                    new Checkpoint("ZHANIBEK", "KZ-27", "Zhanibek", "RUS", 5),
                    new Checkpoint("TAIPAK", "KZ-27", "Taipak", "RUS", 4),
                    new Checkpoint("KARAOZEN", "KZ-27", "Oral", "RUS", 6),
                    new Checkpoint("KURMANGAZY", "KZ-23", "Ganyushkino", "RUS", 10),
                    new Checkpoint("ATYRAU-ASTRAKHAN", "KZ-23", "Atyrau", "RUS", 5),
                    new Checkpoint("ZHAISAN", "KZ-15", "Aktobe", "RUS", 10),
                    new Checkpoint("ALIMBET", "KZ-15", "Alimbet", "RUS", 6),
                    new Checkpoint("AKZHAR", "KZ-15", "Martuk", "RUS", 4),
                    new Checkpoint("KARABUTAK", "KZ-15", "Karabutak", "RUS", 3),
                    new Checkpoint("ZHAITOBE", "KZ-39", "Zhitikara", "RUS", 5),
                    new Checkpoint("KAIRAK-NORTH", "KZ-39", "Kostanay", "RUS", 6),
                    new Checkpoint("UBAGAN", "KZ-39", "Auliekol", "RUS", 3),
                    new Checkpoint("KOSTANAY-TROITSK", "KZ-39", "Kostanay", "RUS", 8),
                    new Checkpoint("KARAKOGA", "KZ-59", "Bulaevo", "RUS", 6),
                    new Checkpoint("KYZYLZHAR", "KZ-59", "Petropavl", "RUS", 10),
                    new Checkpoint("ZHANA-ZHAZYK", "KZ-59", "Mamlyut", "RUS", 4),
                    new Checkpoint("POGRANICHNOE", "KZ-59", "Presnovka", "RUS", 3),
                    new Checkpoint("SHARBAKTY", "KZ-55", "Sharbakty", "RUS", 6),
                    new Checkpoint("KOSAGASH", "KZ-55", "Pavlodar", "RUS", 5),
                    new Checkpoint("AUYL", "KZ-63", "Shemonaikha", "RUS", 6),
                    new Checkpoint("UBE", "KZ-63", "Ridder", "RUS", 4),
                    new Checkpoint("UBINSK", "KZ-63", "Oskemen", "RUS", 3),
                    new Checkpoint("KARAUL", "KZ-10", "Semey", "RUS", 4),
                    new Checkpoint("KARAKALPAK-ROAD", "KZ-43", "Kazaly", "UZB", 2),
                    new Checkpoint("KAZAKHSTAN-ORENBURG", "KZ-15", "Khromtau", "RUS", 4),
                    new Checkpoint("SAMARA-UROMYAN", "KZ-27", "Aksai", "RUS", 3),
                    new Checkpoint("TOBOL-ROAD", "KZ-39", "Lisakovsk", "RUS", 3),
                    new Checkpoint("OMSK-ROAD", "KZ-55", "Aksu", "RUS", 3),
                    new Checkpoint("KULUNDA", "KZ-55", "Ekibastuz", "RUS", 2));

    static Checkpoint byCode(String code) {
        return ALL.stream()
                .filter(c -> c.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown checkpoint " + code));
    }

    boolean isAirportOrPort() {
        return neighbour == null;
    }
}
