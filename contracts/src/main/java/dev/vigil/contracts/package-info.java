/**
 * Events that Vigil's services exchange over Kafka. Plain records, past-tense names,
 * object keys and metadata only (never file bytes). Changes are additive: unknown fields
 * are ignored by every reader, and {@code schemaVersion} tells consumers when a producer
 * speaks a newer shape than they understand.
 */
@NullMarked
package dev.vigil.contracts;

import org.jspecify.annotations.NullMarked;
