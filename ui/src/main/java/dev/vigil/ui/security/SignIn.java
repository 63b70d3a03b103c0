package dev.vigil.ui.security;

/**
 * How the UI signs its users in.
 */
public final class SignIn {

	/** The one client registration the UI signs in with. */
	public static final String REGISTRATION = "vigil";

	private SignIn() {
	}

}
