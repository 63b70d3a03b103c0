package dev.vigil.identity.keys;

import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.RSAKey;

import dev.vigil.identity.audit.AuditLog;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists the published signing keys and rotates them (admin scope). */
@RestController
@RequestMapping("/admin/v1/keys")
class KeyAdminController {

	private final SigningKeys keys;

	private final AuditLog audit;

	KeyAdminController(SigningKeys keys, AuditLog audit) {
		this.keys = keys;
		this.audit = audit;
	}

	@GetMapping
	List<SigningKeyView> list() {
		return views();
	}

	@PostMapping("/rotate")
	List<SigningKeyView> rotate(Authentication caller) {
		RSAKey created = this.keys.rotate();
		this.audit.record(AuditLog.Type.SIGNING_KEY_ROTATED, caller.getName(), null, null, created.getKeyID());
		return views();
	}

	private List<SigningKeyView> views() {
		RSAKey active = this.keys.active();
		return this.keys.all()
			.stream()
			.map((key) -> new SigningKeyView(key.getKeyID(),
					(key.getIssueTime() != null) ? key.getIssueTime().toInstant() : null,
					key.getKeyID().equals(active.getKeyID())))
			.toList();
	}

	record SigningKeyView(String kid, @org.jspecify.annotations.Nullable Instant created, boolean active) {
	}

}
