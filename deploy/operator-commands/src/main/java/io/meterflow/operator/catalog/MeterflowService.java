package io.meterflow.operator.catalog;

/**
 * Meterflow's APIs as Keystone's catalog lists them: under the service type each client looks
 * up, with the name the OpenStack deployment tools give that type's service, on its usual port.
 */
public enum MeterflowService {

    /** gnocchiclient and Ceilometer's publisher look up {@code metric} (Gnocchi's type). */
    METRIC("metric", "metric", "gnocchi", "Meterflow time-series API (Gnocchi v1 compatible)", 8041),

    /** cloudkittyclient and Horizon's rating panels look up {@code rating} (CloudKitty's type). */
    RATING("rating", "rating", "cloudkitty", "Meterflow rating API (CloudKitty v1/v2 compatible)", 8889),

    /**
     * No OpenStack service owns invoices, so service-types-authority registers no type for them;
     * {@code billing} says what the service does (accounts, invoices, credit notes), as the
     * authority's types do, and is no other type's alias.
     */
    REPORTS("reports", "billing", "meterflow-reports", "Meterflow reports API (billing accounts, invoices)", 8890);

    private final String option;
    private final String type;
    private final String serviceName;
    private final String description;
    private final int port;

    MeterflowService(String option, String type, String serviceName, String description, int port) {
        this.option = option;
        this.type = type;
        this.serviceName = serviceName;
        this.description = description;
        this.port = port;
    }

    /** How the command line names it: {@code --metric-url}, {@code --services metric,rating}. */
    public String option() {
        return option;
    }

    public String type() {
        return type;
    }

    public String serviceName() {
        return serviceName;
    }

    public String description() {
        return description;
    }

    /** The port it listens on unless configured otherwise, appended to a URL base. */
    public int port() {
        return port;
    }

    @Override
    public String toString() {
        return type + " (" + serviceName + ")";
    }
}
