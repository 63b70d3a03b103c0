/**
 * The edge node: cameras upload over FTP/FTPS/SFTP, uploads are validated and spooled
 * durably, and a publisher drains the spool to the object store and Kafka.
 */
@NullMarked
package dev.vigil.ingest;

import org.jspecify.annotations.NullMarked;
