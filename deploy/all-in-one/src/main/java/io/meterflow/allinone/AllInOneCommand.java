package io.meterflow.allinone;

import java.util.List;

/**
 * {@code bin/meterflow all-in-one [--demo] [--data-dir DIR]}: every Meterflow service in one JVM on
 * embedded defaults, for a first try on a machine with only a JDK.
 */
public final class AllInOneCommand {

    private static final String HELP = """
            usage: bin/meterflow all-in-one [--demo] [--data-dir DIR]

            Starts every Meterflow service in this JVM: the time-series API (Gnocchi v1, port 8041) with its
            aggregator, the collector (notifications and libvirt polling), the rating API (CloudKitty v1/v2,
            port 8889) with its processor, and the reports API with the tenant portal (port 8890). What no
            variable configures is started here, its data under the data directory, kept across restarts:
              PostgreSQL  embedded (zonky's binaries)            unless METERFLOW_DB_URL is set
              Kafka       a single KRaft node on 127.0.0.1:9092  unless METERFLOW_KAFKA is set
                          (METERFLOW_KAFKA_PORT, METERFLOW_KAFKA_CONTROLLER_PORT)
              AMQP bus    Qpid Broker-J on 127.0.0.1:5672, or a free port when that one is taken,
                          guest/guest                            unless METERFLOW_AMQP_URL is set
                          (METERFLOW_AMQP_PORT)

              --demo          adds a simulated small cloud: projects creating, resizing and deleting
                              instances, volumes, images and floating IPs on the bus, libvirt's test
                              hypervisor polled by the collector (when libvirt is installed), a price list,
                              billing accounts and a month-to-date invoice per account
              --data-dir DIR  where the data lives (METERFLOW_DATA_DIR; default ./data)

            Every API uses METERFLOW_AUTH_MODE (default basic: the user name is the identity, 'admin' is
            the admin; noauth: Gnocchi's and CloudKitty's). Each service reads its other settings from the
            same variables as when it runs alone (docs/configuration.md); heap: METERFLOW_JAVA_OPTS.
            """;

    private AllInOneCommand() {}

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(HELP);
            return;
        }
        AllInOneSettings settings;
        try {
            settings = AllInOneSettings.parse(List.of(args), System::getenv);
        } catch (AllInOneSettings.UsageException e) {
            System.err.println("meterflow all-in-one: " + e.getMessage());
            System.err.print(HELP);
            System.exit(2);
            return;
        }
        new AllInOne(settings, System::getenv, System.out).start();
    }
}
