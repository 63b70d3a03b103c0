package dev.vigil.ingest.admin;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import dev.vigil.contracts.Identifiers;
import dev.vigil.ingest.camera.CameraAccount;
import dev.vigil.ingest.camera.CameraActivity;
import dev.vigil.ingest.camera.CameraDirectory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Camera accounts of this edge node. Passwords are accepted (or generated) once and
 * stored only as hashes.
 */
@RestController
@RequestMapping("/edge/v1/cameras")
class CameraAdminController {

	private final CameraDirectory cameras;

	private final CameraActivity activity;

	CameraAdminController(CameraDirectory cameras, CameraActivity activity) {
		this.cameras = cameras;
		this.activity = activity;
	}

	@GetMapping
	List<CameraView> list() {
		return this.cameras.all().stream().map(this::view).toList();
	}

	@GetMapping("/{user}")
	CameraView get(@PathVariable String user) {
		return this.cameras.byUser(user).map(this::view).orElseThrow(() -> new ApiErrors.NotFound("camera", user));
	}

	@PostMapping
	ResponseEntity<CreatedCamera> create(@Valid @RequestBody NewCamera request) throws IOException {
		ZoneId zone = null;
		if (request.timeZone() != null) {
			try {
				zone = ZoneId.of(request.timeZone());
			}
			catch (RuntimeException ex) {
				throw new ApiErrors.Invalid("timeZone", "unknown time zone");
			}
		}
		boolean generate = request.password() == null;
		String password = generate ? CameraDirectory.generatePassword() : request.password();
		CameraAccount account;
		try {
			account = this.cameras.create(request.user(), request.cameraId(), password,
					(request.allowedSources() != null) ? request.allowedSources() : List.of(), zone,
					request.requireTls());
		}
		catch (IllegalArgumentException ex) {
			throw new ApiErrors.Invalid("allowedSources", ex.getMessage());
		}
		catch (IllegalStateException ex) {
			throw new ApiErrors.Conflict("camera user '" + request.user() + "' already exists");
		}
		return ResponseEntity.created(URI.create("/edge/v1/cameras/" + account.user()))
			.body(new CreatedCamera(view(account), generate ? password : null));
	}

	@DeleteMapping("/{user}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String user) throws IOException {
		try {
			if (!this.cameras.delete(user)) {
				throw new ApiErrors.NotFound("camera", user);
			}
		}
		catch (IllegalStateException ex) {
			throw new ApiErrors.Conflict("camera '" + user + "' comes from configuration; remove it there");
		}
	}

	private CameraView view(CameraAccount account) {
		Instant last = this.activity.lastUploads().get(account.cameraId());
		return new CameraView(account.user(), account.cameraId(), account.allowedSources(),
				this.cameras.zone(account).getId(), account.managed(), last, this.activity.isSilent(account.cameraId()),
				account.requireTls());
	}

	/**
	 * A camera as the API shows it: never the password or its hash. {@code requireTls}
	 * null = the edge's global setting.
	 */
	record CameraView(String user, String cameraId, List<String> allowedSources, String timeZone, boolean managed,
			@Nullable Instant lastUploadAt, boolean silent, @Nullable Boolean requireTls) {
	}

	record CreatedCamera(CameraView camera, @Nullable String generatedPassword) {
	}

	record NewCamera(@NotBlank @Pattern(regexp = Identifiers.PATTERN) String user,
			@NotBlank @Pattern(regexp = Identifiers.PATTERN) String cameraId,
			@Nullable @Size(min = 8, max = 128) @Pattern(regexp = NO_CONTROL_CHARACTERS,
					message = "must not contain control characters") String password,
			@Nullable List<@Pattern(regexp = NO_CONTROL_CHARACTERS,
					message = "must not contain control characters") String> allowedSources,
			@Nullable @Pattern(regexp = NO_CONTROL_CHARACTERS,
					message = "must not contain control characters") String timeZone,
			@Nullable Boolean requireTls) {

		/** NUL, CR, LF and the rest: no FTP client could send them, logs would split. */
		static final String NO_CONTROL_CHARACTERS = "[^\\p{Cntrl}]*";

	}

}
