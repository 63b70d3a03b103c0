package dev.vigil.catalog.onboarding;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.vigil.catalog.edge.EdgeNodeDocument;
import dev.vigil.contracts.EdgeHeartbeat;
import dev.vigil.contracts.UploadProtocol;

/**
 * What to type into a camera's FTP/SFTP settings. Never holds the password: that is shown
 * once, when it is made.
 *
 * @param cameraId camera
 * @param edgeNodeId the edge it uploads to
 * @param edgeOnline whether that edge was heard from recently
 * @param protocol FTP, explicit FTPS or SFTP
 * @param host the edge's address as it reports it; absent when it does not know it
 * @param port the port for this protocol; absent when the edge does not offer it
 * @param passivePorts FTP passive range, for the firewall or port forwards
 * @param user login name
 * @param remoteDirectory where to upload: the camera's own root; it may create folders
 */
record CameraSetup(String cameraId, String edgeNodeId, boolean edgeOnline, UploadProtocol protocol,
		@Nullable String host, @Nullable Integer port, @Nullable String passivePorts, String user,
		String remoteDirectory) {

	static CameraSetup of(String cameraId, String edgeNodeId, UploadProtocol protocol, String user,
			@Nullable EdgeNodeDocument edge, boolean online) {
		Optional<EdgeHeartbeat.Endpoint> endpoint = (edge != null)
				? edge.endpoints().stream().filter((candidate) -> candidate.protocol() == protocol).findFirst()
				: Optional.empty();
		return new CameraSetup(cameraId, edgeNodeId, online, protocol,
				endpoint.map(EdgeHeartbeat.Endpoint::host).orElse(null),
				endpoint.map(EdgeHeartbeat.Endpoint::port).orElse(null),
				endpoint.map(EdgeHeartbeat.Endpoint::passivePorts).orElse(null), user, "/");
	}

}
