package dev.vigil.ui.onboarding;

import java.util.List;

/**
 * Where a camera brand keeps its FTP/SFTP upload settings. Short on purpose: menu names
 * move between firmware versions, the steps stay the same.
 *
 * @param vendor brand
 * @param where the settings page
 * @param steps what to set there and where to switch the upload on
 */
record VendorHint(String vendor, String where, List<String> steps) {

	static final List<VendorHint> ALL = List.of(
			new VendorHint("Foscam", "Settings → Network → FTP Settings",
					List.of("FTP server: ftp://HOST/ and the port below, mode PASV",
							"Enter user and password, press Test, then Save",
							"Detector → Motion Detection: tick FTP under Take Snapshot / Recording")),
			new VendorHint("Hikvision", "Configuration → Network → Advanced Settings → FTP",
					List.of("Server address, port, user name and password from the card",
							"Directory structure: Save in the root directory; tick Upload Picture",
							"Event → Motion Detection → Linkage Method: tick Upload to FTP")),
			new VendorHint("Dahua / Amcrest", "Setup → Network → FTP (newer: Storage → Destination → FTP)",
					List.of("Enable, choose FTP or SFTP, enter server, port, user, password, remote directory /",
							"Storage → Schedule: tick Motion for Snapshot and Record",
							"Event → Video Detection → Motion: tick Snapshot / Record")),
			new VendorHint("Reolink", "Settings → Network → Advanced → FTP (app: Settings → FTP)",
					List.of("Server, port, user name, password; remote directory /; transfer mode auto or passive",
							"Upload: image and/or video; Test, then Save",
							"Switch FTP on in the schedule (alarm / motion)")),
			new VendorHint("Axis", "Settings → System → Events → Recipients → Add recipient",
					List.of("Type FTP (or SFTP); host, port, folder /, user, password; Use passive FTP on",
							"Rules → Add a rule: condition Motion, action Send images (or video clips) through FTP",
							"Send a test file from the recipient page")));

}
