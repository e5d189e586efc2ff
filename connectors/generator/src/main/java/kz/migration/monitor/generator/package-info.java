/**
 * A seeded, deterministic generator of Kazakhstan's migration traffic, as the JSON records of the
 * event contract ({@code shared/spec/events.md}).
 *
 * <p>{@link kz.migration.monitor.generator.TrafficGenerator} plans border trips, residence
 * registrations and work permits day by day from the public figures of the domain notes, and
 * delivers them to a {@link kz.migration.monitor.generator.GeneratedRecordSink}: files ({@link
 * kz.migration.monitor.generator.JsonlFileSink}), Kafka ({@link
 * kz.migration.monitor.generator.KafkaRecordSink}), optionally paced ({@link
 * kz.migration.monitor.generator.PacedSink}). The stream starts with {@link
 * kz.migration.monitor.generator.DefaultReferenceData}. Late, out-of-order, duplicate and malformed
 * records are mixed in on request, for testing the monitor's handling of bad input.
 */
package kz.migration.monitor.generator;
