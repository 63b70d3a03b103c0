package dev.vigil.ui.web;

/**
 * A filter in the address that parses but cannot be shown (a day in the year 999999999):
 * a 400 page that says what the filter should look like, like one that does not parse.
 */
public class BadParameterException extends RuntimeException {

	private final String name;

	private final String expected;

	/**
	 * @param name the parameter as written in the address
	 * @param expected what it must be, e.g. "a date between 1970-01-01 and 9999-12-31"
	 */
	public BadParameterException(String name, String expected) {
		super("\"" + name + "\" in the address must be " + expected);
		this.name = name;
		this.expected = expected;
	}

	String name() {
		return this.name;
	}

	String expected() {
		return this.expected;
	}

}
