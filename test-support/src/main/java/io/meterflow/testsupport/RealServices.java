package io.meterflow.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hands the annotated test class real services through parameters of type {@link PostgresDatabase},
 * {@link AmqpBroker} and {@link KafkaBroker}, each isolated to the class.
 *
 * <p>Only the services a class asks for are started, so a class that needs PostgreSQL never waits
 * for a Kafka broker. See the module README for where each service comes from.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RealServicesExtension.class)
public @interface RealServices {}
