package dev.vigil.ingest.ftp;

import java.net.InetAddress;

import dev.vigil.ingest.camera.CameraDirectory;
import dev.vigil.ingest.camera.CameraDirectory.Login;
import org.apache.ftpserver.ftplet.Authentication;
import org.apache.ftpserver.ftplet.AuthenticationFailedException;
import org.apache.ftpserver.ftplet.User;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.usermanager.UsernamePasswordAuthentication;
import org.jspecify.annotations.Nullable;

/**
 * Camera accounts as FtpServer users. Read-only: accounts are managed by configuration
 * and the admin API, not over FTP.
 */
final class CameraUserManager implements UserManager {

	private final CameraDirectory cameras;

	private final FtpProperties properties;

	CameraUserManager(CameraDirectory cameras, FtpProperties properties) {
		this.cameras = cameras;
		this.properties = properties;
	}

	@Override
	public User authenticate(Authentication authentication) throws AuthenticationFailedException {
		if (!(authentication instanceof UsernamePasswordAuthentication login) || login.getUsername() == null
				|| login.getPassword() == null) {
			throw new AuthenticationFailedException("Anonymous login is not allowed");
		}
		InetAddress source = (login.getUserMetadata() != null && login.getUserMetadata().getInetAddress() != null)
				? login.getUserMetadata().getInetAddress() : InetAddress.getLoopbackAddress();
		Login result = this.cameras.authenticate(login.getUsername(), login.getPassword(), source);
		if (result.account() == null) {
			throw new AuthenticationFailedException("Authentication failed");
		}
		return user(result.account());
	}

	private CameraUser user(dev.vigil.ingest.camera.CameraAccount account) {
		return new CameraUser(account, this.cameras.home(account), this.properties.maxSessionsPerCamera(),
				(int) this.properties.idleTimeout().toSeconds());
	}

	@Override
	public @Nullable User getUserByName(String username) {
		return this.cameras.byUser(username).map(this::user).orElse(null);
	}

	@Override
	public String[] getAllUserNames() {
		return this.cameras.all().stream().map((account) -> account.user()).toArray(String[]::new);
	}

	@Override
	public void delete(String username) {
		throw new UnsupportedOperationException("accounts are managed by the admin API");
	}

	@Override
	public void save(User user) {
		throw new UnsupportedOperationException("accounts are managed by the admin API");
	}

	@Override
	public boolean doesExist(String username) {
		return this.cameras.byUser(username).isPresent();
	}

	@Override
	public String getAdminName() {
		// No FTP administrator: administration is the admin REST API's job.
		return "\u0000no-admin";
	}

	@Override
	public boolean isAdmin(String username) {
		return false;
	}

}
