package io.meterflow.serviceconfig;

import io.dropwizard.configuration.ConfigurationSourceProvider;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Where every Meterflow service reads its configuration: the YAML file given on the command line,
 * else the one packaged with the service, bound to the environment: {@code key: ${METERFLOW_X}}
 * takes the variable when set and the configuration class's default otherwise, so each key can be
 * set either way and each default is written once (docs/configuration.md).
 */
public final class ServiceConfigSources {

    private ServiceConfigSources() {}

    public static ConfigurationSourceProvider fileOrPackagedWithEnvironment() {
        return fileOrPackagedWith(System::getenv);
    }

    /**
     * A command line that names a command alone ({@code server}, {@code check}, ...) gets the
     * service's packaged configuration file, so {@code bin/meterflow X server} needs no file.
     */
    public static String[] withPackagedConfig(String[] args, String packagedConfig, String... commands) {
        if (args.length == 1 && List.of(commands).contains(args[0])) {
            return new String[] {args[0], packagedConfig};
        }
        return args;
    }

    /** The same with another environment: for tests, and for a launcher that composes services. */
    public static ConfigurationSourceProvider fileOrPackagedWith(UnaryOperator<String> environment) {
        return new EnvironmentBoundSourceProvider(new ClasspathFallbackSourceProvider(), environment);
    }
}
