/**
 * Real local infrastructure (Kafka, Redis, S3, MongoDB wire server) for
 * {@code ./vigil up} and for {@code *IT} tests, with Testcontainers when a Docker engine
 * answers.
 */
@NullMarked
package dev.vigil.devstack;

import org.jspecify.annotations.NullMarked;
