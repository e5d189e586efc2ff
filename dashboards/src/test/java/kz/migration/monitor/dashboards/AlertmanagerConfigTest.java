package kz.migration.monitor.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks the Alertmanager configuration and its routing with the real amtool. */
class AlertmanagerConfigTest {

    private final Path dir = Tools.module().resolve("alertmanager");

    @Test
    void configIsValid() {
        String out = Tools.check(dir, "amtool", "check-config", "alertmanager.yml");
        assertThat(out).contains("SUCCESS").contains("3 receivers");
    }

    @ParameterizedTest
    @CsvSource({
        "audience=SECURITY,     alertname=OVERSTAY,               security",
        "audience=SECURITY,     alertname=QuotaExceeded,          security",
        "audience=DUTY_OFFICER, alertname=QUOTA_WARNING,          duty-officer",
        "audience=DUTY_OFFICER, alertname=MigrationPipelineDown,  duty-officer",
        "audience=PLANNING,     alertname=INFLOW_SURGE,           planning",
        "audience=SECURITY,     alertname=BANNED_ENTRY,           security",
        "audience=DUTY_OFFICER, alertname=PERMIT_OUTSIDE_SHORTAGE, duty-officer",
        "audience=UNKNOWN,      alertname=Whatever,               duty-officer",
    })
    void routesByAudience(String audience, String alertname, String receiver) {
        String out =
                Tools.check(
                        dir,
                        "amtool",
                        "config",
                        "routes",
                        "test",
                        "--config.file=alertmanager.yml",
                        audience,
                        alertname,
                        "region=KZ-71");
        assertThat(out.lines().filter(l -> !l.startsWith("Warning")).toList())
                .containsExactly(receiver);
    }
}
