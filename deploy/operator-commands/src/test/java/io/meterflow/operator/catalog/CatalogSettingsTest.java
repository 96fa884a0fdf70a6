package io.meterflow.operator.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class CatalogSettingsTest {

    private static final Map<String, String> OPENRC = Map.of(
            "OS_AUTH_URL", "http://keystone.example:5000",
            "OS_USERNAME", "admin",
            "OS_PASSWORD", "secret",
            "OS_PROJECT_NAME", "admin");

    private static UnaryOperator<String> env(Map<String, String> variables) {
        return variables::get;
    }

    private static CatalogSettings parse(Map<String, String> variables, String... args) throws Exception {
        return CatalogSettings.parse(List.of(args), env(variables));
    }

    @Test
    void aPublicBaseGivesEveryServiceItsPortOnEveryInterface() throws Exception {
        CatalogSettings settings = parse(OPENRC, "register", "--public-url-base", "https://cloud.example/");

        assertThat(settings.services()).containsExactly(MeterflowService.values());
        assertThat(settings.region()).isEqualTo("RegionOne");
        assertThat(settings.urls().get(MeterflowService.METRIC))
                .containsEntry(Interface.PUBLIC, URI.create("https://cloud.example:8041"))
                .containsEntry(Interface.ADMIN, URI.create("https://cloud.example:8041"));
        assertThat(settings.urls().get(MeterflowService.RATING).get(Interface.INTERNAL))
                .isEqualTo(URI.create("https://cloud.example:8889"));
        assertThat(settings.urls().get(MeterflowService.REPORTS).get(Interface.PUBLIC))
                .isEqualTo(URI.create("https://cloud.example:8890"));
        assertThat(settings.admin().authUrl()).isEqualTo(URI.create("http://keystone.example:5000/v3"));
        assertThat(settings.admin().userDomain()).isEqualTo("Default");
        assertThat(settings.serviceUser()).isEmpty();
        assertThat(settings.dryRun()).isFalse();
    }

    @Test
    void internalAndAdminBasesAndOneServicesUrlsOverrideThePublicBase() throws Exception {
        CatalogSettings settings = parse(
                OPENRC,
                "register",
                "--public-url-base=https://cloud.example",
                "--internal-url-base",
                "http://10.0.0.5",
                "--rating-url",
                "https://rating.example/",
                "--rating-admin-url",
                "http://10.0.0.9:9999",
                "--region",
                "RegionTwo",
                "--dry-run");

        assertThat(settings.urls().get(MeterflowService.METRIC))
                .containsEntry(Interface.PUBLIC, URI.create("https://cloud.example:8041"))
                .containsEntry(Interface.INTERNAL, URI.create("http://10.0.0.5:8041"))
                .containsEntry(Interface.ADMIN, URI.create("http://10.0.0.5:8041"));
        assertThat(settings.urls().get(MeterflowService.RATING))
                .containsEntry(Interface.PUBLIC, URI.create("https://rating.example"))
                .containsEntry(Interface.INTERNAL, URI.create("https://rating.example"))
                .containsEntry(Interface.ADMIN, URI.create("http://10.0.0.9:9999"));
        assertThat(settings.region()).isEqualTo("RegionTwo");
        assertThat(settings.dryRun()).isTrue();
    }

    @Test
    void flagsOverrideTheOpenrcAndTheRegionComesFromItWhenNotGiven() throws Exception {
        Map<String, String> openrc = new java.util.HashMap<>(OPENRC);
        openrc.put("OS_REGION_NAME", "RegionThree");
        openrc.put("OS_USER_DOMAIN_NAME", "Operators");
        CatalogSettings settings = parse(
                openrc,
                "unregister",
                "--os-username",
                "ops",
                "--os-auth-url",
                "http://k:5000/v3/",
                "--services",
                "rating,billing");

        assertThat(settings.admin().username()).isEqualTo("ops");
        assertThat(settings.admin().userDomain()).isEqualTo("Operators");
        assertThat(settings.admin().authUrl()).isEqualTo(URI.create("http://k:5000/v3"));
        assertThat(settings.region()).isEqualTo("RegionThree");
        assertThat(settings.services()).containsExactly(MeterflowService.RATING, MeterflowService.REPORTS);
        assertThat(settings.admin().toString()).doesNotContain("secret");
    }

    @Test
    void theServiceUserComesFromTheServicesOwnVariables() throws Exception {
        Map<String, String> variables = new java.util.HashMap<>(OPENRC);
        variables.put("METERFLOW_KEYSTONE_PASSWORD", "s3rvice");
        variables.put("METERFLOW_KEYSTONE_USER", "metering");
        CatalogSettings settings =
                parse(variables, "register", "--public-url-base", "http://ctl", "--create-service-user");

        assertThat(settings.serviceUser())
                .contains(new ServiceUser("metering", java.util.Optional.of("s3rvice"), "service", "Default"));
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        assertThatThrownBy(() -> parse(
                        Map.of(),
                        "register",
                        "--public-url-base",
                        "http://ctl:8000",
                        "--create-service-user",
                        "--services",
                        "metric,nova",
                        "--colour"))
                .isInstanceOf(CatalogSettings.UsageException.class)
                .hasMessageContaining("unknown option --colour")
                .hasMessageContaining("--os-auth-url or OS_AUTH_URL is needed")
                .hasMessageContaining("--os-password or OS_PASSWORD is needed")
                .hasMessageContaining("unknown service 'nova'")
                .hasMessageContaining("--public-url-base must be scheme://host")
                .hasMessageNotContaining("no public URL")
                .hasMessageContaining("METERFLOW_KEYSTONE_PASSWORD, which is not set");
        assertThatThrownBy(() -> parse(OPENRC, "register", "--delete-region", "--public-url-base", "http://c"))
                .hasMessageContaining("--delete-region is not an option of register");
        assertThatThrownBy(() -> parse(OPENRC, "register", "--rating-url", "http://rating:8889"))
                .hasMessageContaining("no public URL for metric (gnocchi): give --public-url-base, --metric-url or"
                        + " --metric-public-url")
                .hasMessageNotContaining("for rating");
        assertThatThrownBy(() -> parse(OPENRC, "register", "--services", "rating", "--rating-url", "ftp://rating"))
                .hasMessageContaining("--rating-url must be an http(s) URL, not 'ftp://rating'");
        assertThatThrownBy(() -> parse(OPENRC, "list")).hasMessageContaining("expected register or unregister");
    }
}
