package io.meterflow.testsupport;

import io.meterflow.testsupport.internal.ClassServices;
import io.meterflow.testsupport.internal.DockerProbe;
import io.meterflow.testsupport.internal.IsolationId;
import io.meterflow.testsupport.internal.ServiceSettings;
import io.meterflow.testsupport.internal.SharedServices;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves parameters of type {@link PostgresDatabase}, {@link AmqpBroker} and {@link KafkaBroker}
 * in constructors, lifecycle methods and test methods. Use it through {@link RealServices}.
 *
 * <p>Servers live in JUnit's root store, so one run starts each at most once and stops it at the
 * end. What a class holds on them lives in the store of its outermost class, so all its methods and
 * its {@code @Nested} classes share one database, and the database is dropped after the class's
 * {@code @AfterAll} methods have run.
 */
public final class RealServicesExtension implements ParameterResolver {

    private static final Logger LOG = LoggerFactory.getLogger(RealServicesExtension.class);
    private static final Namespace NAMESPACE = Namespace.create(RealServicesExtension.class);
    private static final Set<Class<?>> SERVICES = Set.of(PostgresDatabase.class, AmqpBroker.class, KafkaBroker.class);

    private final Map<String, String> environment;

    /** Reads the services to use from the process environment; JUnit calls this one. */
    public RealServicesExtension() {
        this(System.getenv());
    }

    RealServicesExtension(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return SERVICES.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ClassServices services = classServices(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == PostgresDatabase.class) {
            return services.postgres();
        }
        if (type == AmqpBroker.class) {
            return services.amqp();
        }
        if (type == KafkaBroker.class) {
            return services.kafka();
        }
        throw new ParameterResolutionException("Not a real service: " + type.getName());
    }

    private ClassServices classServices(ExtensionContext context) {
        ExtensionContext testClass = outermostClass(context);
        SharedServices shared = context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        SharedServices.class,
                        key -> new SharedServices(ServiceSettings.from(environment), new DockerProbe()),
                        SharedServices.class);
        return testClass
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        ClassServices.class,
                        key -> {
                            IsolationId id = IsolationId.random();
                            LOG.debug(
                                    "{} gets isolation id {}",
                                    testClass.getRequiredTestClass().getName(),
                                    id);
                            return new ClassServices(shared, id);
                        },
                        ClassServices.class);
    }

    /** The context of the top-level test class, the child of the engine's root context. */
    private static ExtensionContext outermostClass(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getParent().isPresent() && current.getParent().get() != context.getRoot()) {
            current = current.getParent().get();
        }
        if (current.getTestClass().isEmpty()) {
            throw new ParameterResolutionException("Real services are handed to test classes only");
        }
        return current;
    }
}
