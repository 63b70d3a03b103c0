package dev.vigil.devstack;

/**
 * An infrastructure component that fault tests can stop and start again.
 */
public enum Component {

	KAFKA("Kafka"), S3("S3"), REDIS("Redis"), MONGO("MongoDB");

	private final String displayName;

	Component(String displayName) {
		this.displayName = displayName;
	}

	public String displayName() {
		return this.displayName;
	}

}
