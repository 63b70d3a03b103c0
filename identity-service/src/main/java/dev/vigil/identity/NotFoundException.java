package dev.vigil.identity;

/** A resource named in the request does not exist; answered with 404. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super("No such " + what);
	}

}
