package dev.vigil.contracts;

/**
 * What a camera uploaded: a still snapshot or a clip.
 */
public enum MediaKind {

	IMAGE, VIDEO

}
