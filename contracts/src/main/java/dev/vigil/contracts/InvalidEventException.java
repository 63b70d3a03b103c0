package dev.vigil.contracts;

/**
 * A wire event that breaks its contract. The message names the offending field, so a
 * dead-letter record says what was wrong without a debugger.
 */
public class InvalidEventException extends IllegalArgumentException {

	private final String field;

	public InvalidEventException(String field, String problem) {
		super(field + " " + problem);
		this.field = field;
	}

	/**
	 * The name of the field that broke the contract.
	 * @return the JSON field name
	 */
	public String field() {
		return this.field;
	}

}
