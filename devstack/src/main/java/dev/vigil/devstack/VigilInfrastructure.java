package dev.vigil.devstack;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives an integration test real Kafka, Redis, S3 and MongoDB: Testcontainers when a
 * Docker engine answers, otherwise devstack processes on free ports. Started once per
 * test JVM; the infrastructure properties are set as system properties before Spring
 * contexts load, and an {@link Infrastructure} parameter can be injected.
 */
@Target({ ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(InfrastructureExtension.class)
public @interface VigilInfrastructure {

}
