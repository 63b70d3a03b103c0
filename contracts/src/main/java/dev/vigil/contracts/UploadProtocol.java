package dev.vigil.contracts;

/** How a camera uploads to an edge node. */
public enum UploadProtocol {

	/** Plain FTP: what most camera firmware offers; only on a trusted LAN. */
	FTP,

	/** Explicit FTPS (AUTH TLS on the FTP control port). */
	FTPS,

	/** SFTP over SSH. */
	SFTP

}
