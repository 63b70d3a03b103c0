package dev.vigil.devstack;

import java.io.Serial;

/**
 * Infrastructure could not be started or controlled; the message names the component and
 * where to look (port, process, log file).
 */
public class DevstackException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	public DevstackException(String message) {
		super(message);
	}

	public DevstackException(String message, Throwable cause) {
		super(message, cause);
	}

}
