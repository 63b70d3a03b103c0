package dev.vigil.ingest.ftp;

import java.nio.file.Path;
import java.util.List;

import dev.vigil.ingest.camera.CameraAccount;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.TransferRatePermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/** A logged-in camera: FtpServer's user, carrying the camera account and its jail. */
final class CameraUser extends BaseUser {

	private final CameraAccount account;

	CameraUser(CameraAccount account, Path home, int maxSessions, int idleSeconds) {
		this.account = account;
		setName(account.user());
		setHomeDirectory(home.toAbsolutePath().toString());
		setEnabled(true);
		setMaxIdleTime(idleSeconds);
		setAuthorities(List.of(new WritePermission(), new ConcurrentLoginPermission(maxSessions, maxSessions),
				new TransferRatePermission(0, 0)));
	}

	CameraAccount account() {
		return this.account;
	}

}
