package dev.vigil.notify.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Encrypts channel secrets at rest: AES-256-GCM with a random 96-bit nonce per value, the
 * key derived (SHA-256) from {@code vigil.notification.secret-key}. A value encrypted
 * under another key, or altered, does not decrypt.
 */
@Component
class SecretBox {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	SecretBox(ChannelProperties properties) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(properties.secretKey().getBytes(StandardCharsets.UTF_8));
			this.key = new SecretKeySpec(digest, "AES");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("No SHA-256 in this JVM", ex);
		}
	}

	String encrypt(String plain) {
		try {
			byte[] nonce = new byte[12];
			RANDOM.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = Arrays.copyOf(nonce, nonce.length + sealed.length);
			System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
			return "v1:" + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt a channel secret", ex);
		}
	}

	String decrypt(String stored) {
		if (!stored.startsWith("v1:")) {
			throw new IllegalStateException("Unknown secret format");
		}
		try {
			byte[] all = Base64.getDecoder().decode(stored.substring(3));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(128, all, 0, 12));
			return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("A channel secret does not decrypt with vigil.notification.secret-key", ex);
		}
	}

}
