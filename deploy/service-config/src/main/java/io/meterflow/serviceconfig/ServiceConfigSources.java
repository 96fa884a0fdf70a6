package io.meterflow.serviceconfig;

import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;

/**
 * Where every Meterflow service reads its configuration: the YAML file given on the command line,
 * else the one packaged with the service, with {@code ${METERFLOW_X:-default}} replaced from the
 * environment, so each key can be set either way (docs/configuration.md).
 */
public final class ServiceConfigSources {

    private ServiceConfigSources() {}

    public static ConfigurationSourceProvider fileOrPackagedWithEnvironment() {
        // Not strict: a ${...} left in a value is the operator's text, not a missing variable.
        return new SubstitutingSourceProvider(
                new ClasspathFallbackSourceProvider(), new EnvironmentVariableSubstitutor(false));
    }
}
