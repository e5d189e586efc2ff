package kz.migration.monitor.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Alerts name regions and subject pseudonyms: every Alertmanager receiver that leaves the host must
 * speak TLS with the server's certificate verified.
 */
class ReceiverTlsTest {

    private static final Set<String> THIS_HOST = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    @Test
    void everyReceiverLeavingTheHostUsesVerifiedTls() throws Exception {
        JsonNode config =
                new ObjectMapper(new YAMLFactory())
                        .readTree(Tools.module().resolve("alertmanager/alertmanager.yml").toFile());
        List<String> checked = new ArrayList<>();
        for (JsonNode receiver : config.path("receivers")) {
            for (JsonNode hook : receiver.path("webhook_configs")) {
                URI url = URI.create(hook.path("url").asText());
                String where = receiver.path("name").asText() + " " + url;
                if (THIS_HOST.contains(url.getHost())) {
                    continue;
                }
                assertThat(url.getScheme()).as(where).isEqualTo("https");
                JsonNode tls = hook.path("http_config").path("tls_config");
                assertThat(tls.path("insecure_skip_verify").asBoolean(false)).as(where).isFalse();
                assertThat(tls.path("min_version").asText()).as(where).isIn("TLS12", "TLS13");
                checked.add(where);
            }
        }
        assertThat(checked).as("receivers leaving the host").hasSize(3);
    }
}
