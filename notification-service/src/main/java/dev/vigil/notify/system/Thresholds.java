package dev.vigil.notify.system;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The system checks' thresholds in force: what an admin set through the API (stored in
 * {@code system_thresholds}), else the {@code vigil.notification.system.*} defaults. Read
 * at every check, so a change applies from the next one.
 */
@Component
class Thresholds {

	private final MongoTemplate mongo;

	private final SystemProperties properties;

	Thresholds(MongoTemplate mongo, SystemProperties properties) {
		this.mongo = mongo;
		this.properties = properties;
	}

	/**
	 * Thresholds as numbers people type; null = the configured default.
	 *
	 * @param id always {@link #ID}
	 * @param cameraSilentAfterMinutes silence threshold of cameras without their own
	 * @param edgeSpoolWarningMb spool size above which an edge is backlogged
	 * @param edgeMinFreeDiskMb free space below which an edge is low on disk
	 * @param deadLetterQuietAfterMinutes no new dead letters this long = recovered
	 * @param serviceFailures failed health checks in a row before a service is down
	 */
	@Document("system_thresholds")
	record Overrides(@Id String id, @Nullable Long cameraSilentAfterMinutes, @Nullable Long edgeSpoolWarningMb,
			@Nullable Long edgeMinFreeDiskMb, @Nullable Long deadLetterQuietAfterMinutes,
			@Nullable Integer serviceFailures) {

		static final String ID = "thresholds";

		static Overrides none() {
			return new Overrides(ID, null, null, null, null, null);
		}

	}

	/**
	 * The thresholds in force.
	 *
	 * @param cameraSilentAfter silence threshold of cameras without their own
	 * @param edgeSpoolWarning spool size above which an edge is backlogged
	 * @param edgeMinFreeDisk free space below which an edge is low on disk
	 * @param deadLetterQuietAfter no new dead letters this long = recovered
	 * @param serviceFailures failed health checks in a row before a service is down
	 */
	record InForce(Duration cameraSilentAfter, DataSize edgeSpoolWarning, DataSize edgeMinFreeDisk,
			Duration deadLetterQuietAfter, int serviceFailures) {

	}

	Overrides overrides() {
		Overrides stored = this.mongo.findById(Overrides.ID, Overrides.class);
		return (stored != null) ? stored : Overrides.none();
	}

	void save(Overrides overrides) {
		this.mongo.save(overrides);
	}

	InForce defaults() {
		return new InForce(this.properties.cameraSilentAfter(), this.properties.edgeSpoolWarning(),
				this.properties.edgeMinFreeDisk(), this.properties.deadLetterQuietAfter(),
				this.properties.serviceFailures());
	}

	InForce current() {
		Overrides set = overrides();
		InForce defaults = defaults();
		return new InForce(
				(set.cameraSilentAfterMinutes() != null) ? Duration.ofMinutes(set.cameraSilentAfterMinutes())
						: defaults.cameraSilentAfter(),
				(set.edgeSpoolWarningMb() != null) ? DataSize.ofMegabytes(set.edgeSpoolWarningMb())
						: defaults.edgeSpoolWarning(),
				(set.edgeMinFreeDiskMb() != null) ? DataSize.ofMegabytes(set.edgeMinFreeDiskMb())
						: defaults.edgeMinFreeDisk(),
				(set.deadLetterQuietAfterMinutes() != null) ? Duration.ofMinutes(set.deadLetterQuietAfterMinutes())
						: defaults.deadLetterQuietAfter(),
				(set.serviceFailures() != null) ? set.serviceFailures() : defaults.serviceFailures());
	}

}
