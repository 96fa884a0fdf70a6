package io.meterflow.allinone;

import java.time.Duration;
import java.util.Locale;

/** What the all-in-one prints once it is ready: where everything listens and how to sign in. */
final class Banner {

    private final AllInOneSettings settings;
    private final Infrastructure infrastructure;

    Banner(AllInOneSettings settings, Infrastructure infrastructure) {
        this.settings = settings;
        this.infrastructure = infrastructure;
    }

    String text(Duration ready) {
        AllInOneSettings.Ports ports = settings.ports();
        String credentials = settings.authMode().equals("basic")
                ? "HTTP basic auth on every API: the user name is the identity (a project's id or name signs"
                        + "\n  in as that project), 'admin' is the admin; no password is checked."
                : "noauth: every API trusts the caller (Gnocchi's and CloudKitty's noauth).";
        return String.join(
                "\n",
                "",
                String.format(
                        Locale.ROOT,
                        "Meterflow all-in-one ready in %.1f s (data in %s)",
                        ready.toMillis() / 1000.0,
                        settings.dataDir()),
                "  time-series API (Gnocchi v1)   http://127.0.0.1:" + ports.timeseries() + "/v1",
                "  rating API (CloudKitty v1/v2)  http://127.0.0.1:" + ports.rating() + "/v2",
                "  reports API (invoices)         http://127.0.0.1:" + ports.reports() + "/v1",
                "  tenant portal                  http://127.0.0.1:" + ports.reports() + "/portal",
                "  collector health               http://127.0.0.1:" + ports.collector() + "/admin/healthcheck",
                "  health and Prometheus metrics  /admin/healthcheck and /admin/prometheus on each port",
                infrastructure.description(),
                "  " + credentials,
                "  try: curl -u admin: http://127.0.0.1:" + ports.timeseries() + "/v1/resource/generic",
                "");
    }
}
