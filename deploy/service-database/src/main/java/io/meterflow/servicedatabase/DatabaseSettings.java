package io.meterflow.servicedatabase;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A service's {@code database:} block: where its PostgreSQL is and how many connections it pools. */
public final class DatabaseSettings {

    /** JDBC URL with credentials; empty starts an embedded PostgreSQL under the data directory. */
    @JsonProperty
    @NotNull
    private String url = "";

    @JsonProperty
    @Min(1)
    @Max(200)
    private int maxPoolSize = 8;

    public String url() {
        return url;
    }

    public int maxPoolSize() {
        return maxPoolSize;
    }
}
