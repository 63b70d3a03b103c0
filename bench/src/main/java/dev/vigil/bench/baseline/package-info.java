/**
 * Baselines that Vigil is measured against in the same run: a plain FTP server writing to
 * disk, and the raw speed of the disk and of loopback.
 */
@NullMarked
package dev.vigil.bench.baseline;

import org.jspecify.annotations.NullMarked;
