package dev.vigil.catalog.onboarding;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.vigil.catalog.audit.AuditLog;
import dev.vigil.catalog.camera.CameraDocument;
import dev.vigil.catalog.camera.CameraRegistry;
import dev.vigil.catalog.camera.ManagedCameras;
import dev.vigil.catalog.edge.EdgeNodeDocument;
import dev.vigil.catalog.edge.EdgeNodes;
import dev.vigil.catalog.security.CurrentCaller;
import dev.vigil.catalog.web.ApiException;
import dev.vigil.catalog.web.Ids;
import dev.vigil.contracts.UploadProtocol;

@RestController
@RequestMapping("/api/v1/cameras")
@Tag(name = "Cameras")
class OnboardingController {

	private static final String SOURCE = "[0-9a-fA-F:.]{2,45}(/[0-9]{1,3})?";

	private final ManagedCameras managed;

	private final CameraRegistry registry;

	private final EdgeNodes edges;

	private final CameraMedia media;

	private final CurrentCaller caller;

	private final AuditLog audit;

	OnboardingController(ManagedCameras managed, CameraRegistry registry, EdgeNodes edges, CameraMedia media,
			CurrentCaller caller, AuditLog audit) {
		this.managed = managed;
		this.registry = registry;
		this.edges = edges;
		this.media = media;
		this.caller = caller;
		this.audit = audit;
	}

	@PostMapping
	@Operation(summary = "Add a camera (admin): the platform makes its login on the chosen edge",
			description = "Answers the settings to type into the camera and a generated password, shown only in "
					+ "this response (the platform keeps a PBKDF2 hash). The edge gets the account through "
					+ "camera.config within seconds. Audited.")
	ResponseEntity<AddedCamera> add(@Valid @RequestBody AddCamera request) {
		String id = (request.id() != null) ? request.id() : slug(request.name());
		EdgeNodeDocument edge = this.edges.find(request.edgeNodeId())
			.orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "unknown-edge-node", "Unknown edge node",
					"No edge node " + request.edgeNodeId() + " has reported in; start it first"));
		String zone = zone(request.timeZone());
		List<String> sources = sources(request.allowedSources());
		ManagedCameras.Created created = this.managed.create(
				new ManagedCameras.NewCamera(id, request.name().strip(), edge.id(), request.protocol(), zone, sources));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("name", request.name().strip());
		details.put("edgeNodeId", edge.id());
		details.put("protocol", request.protocol().name());
		details.put("timeZone", zone);
		this.audit.record(this.caller.name(), "camera.created", id, details);
		return ResponseEntity.created(URI.create("/api/v1/cameras/" + id))
			.body(new AddedCamera(created.camera(), setup(created.camera(), created.user()), created.password()));
	}

	@GetMapping("/{id}/setup")
	@Operation(summary = "What to type into the camera: host, port, passive range, user, remote directory",
			description = "Never the password: a new one comes from POST /{id}/password.")
	CameraSetup setup(@Parameter(example = "porch") @PathVariable @Pattern(regexp = Ids.CAMERA) String id) {
		this.caller.scope().check(id);
		CameraDocument camera = this.registry.find(id).orElseThrow(() -> ApiException.notFound("camera", id));
		String user = this.managed.user(id).orElseThrow(() -> ApiException.notFound("managed camera", id));
		return setup(camera, user);
	}

	@PostMapping("/{id}/password")
	@Operation(summary = "Give a managed camera a new password (admin)",
			description = "The new password is in this response only; the old one stops working when the edge has "
					+ "the new hash. Audited.")
	NewPassword resetPassword(@PathVariable @Pattern(regexp = Ids.CAMERA) String id) {
		String password = this.managed.resetPassword(id);
		this.audit.record(this.caller.name(), "camera.password-reset", id, Map.of());
		CameraDocument camera = this.registry.find(id).orElseThrow(() -> ApiException.notFound("camera", id));
		return new NewPassword(setup(camera, this.managed.user(id).orElse(id)), password);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a camera (admin): its login disappears from its edge",
			description = "Its media stays unless deleteMedia=true; items under legal hold always stay. Audited.")
	DeletedCamera delete(@PathVariable @Pattern(regexp = Ids.CAMERA) String id,
			@RequestParam(defaultValue = "false") boolean deleteMedia) {
		this.registry.find(id).orElseThrow(() -> ApiException.notFound("camera", id));
		CameraMedia.Erased erased = deleteMedia ? this.media.erase(id, this.caller.name())
				: new CameraMedia.Erased(0, 0);
		this.managed.delete(id);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("deleteMedia", deleteMedia);
		details.put("mediaDeleted", erased.deleted());
		details.put("mediaKeptOnHold", erased.held());
		this.audit.record(this.caller.name(), "camera.deleted", id, details);
		return new DeletedCamera(id, deleteMedia, erased.deleted(), erased.held());
	}

	private CameraSetup setup(CameraDocument camera, String user) {
		EdgeNodeDocument edge = (camera.edgeNodeId() != null) ? this.edges.find(camera.edgeNodeId()).orElse(null)
				: null;
		UploadProtocol protocol = (camera.protocol() != null) ? camera.protocol() : UploadProtocol.FTP;
		return CameraSetup.of(camera.id(), (camera.edgeNodeId() != null) ? camera.edgeNodeId() : "", protocol, user,
				edge, edge != null && this.edges.isOnline(edge));
	}

	private static String zone(@Nullable String timeZone) {
		if (timeZone == null || timeZone.isBlank()) {
			return "UTC";
		}
		try {
			return ZoneId.of(timeZone.strip()).getId();
		}
		catch (DateTimeException ex) {
			throw ApiException.badParameter("timeZone", "is not an IANA time zone such as Europe/Berlin");
		}
	}

	private static List<String> sources(@Nullable List<String> sources) {
		if (sources == null) {
			return List.of();
		}
		List<String> stripped = sources.stream().map(String::strip).filter((source) -> !source.isEmpty()).toList();
		for (String source : stripped) {
			if (!source.matches(SOURCE)) {
				throw ApiException.badParameter("allowedSources", "must be address blocks such as 192.168.1.0/24");
			}
		}
		return stripped;
	}

	/**
	 * "Front Door" becomes {@code front-door}: the id that names objects and the login.
	 */
	static String slug(String name) {
		String slug = name.strip()
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9._-]+", "-")
			.replaceAll("^[^a-z0-9]+", "")
			.replaceAll("-+$", "");
		if (slug.isEmpty()) {
			throw ApiException.badParameter("name", "needs a letter or digit, or give an id");
		}
		return (slug.length() > 64) ? slug.substring(0, 64) : slug;
	}

	/**
	 * A camera to add.
	 *
	 * @param id camera id and login name; made from the name when absent
	 * @param name display name
	 * @param edgeNodeId the edge node it uploads to (one that has reported in)
	 * @param protocol FTP, FTPS (explicit) or SFTP
	 * @param timeZone IANA zone of the camera's clock; UTC when absent
	 * @param allowedSources CIDRs it may log in from; anywhere when absent
	 */
	record AddCamera(@Schema(example = "porch") @Pattern(regexp = Ids.CAMERA) @Nullable String id,
			@Schema(example = "Porch") @NotBlank @Size(max = 100) @Pattern(regexp = Ids.DISPLAY_TEXT) String name,
			@Schema(example = "edge-garage") @NotBlank @Pattern(regexp = Ids.CAMERA) String edgeNodeId,
			@NotNull UploadProtocol protocol,
			@Schema(example = "Europe/Berlin") @Size(max = 64) @Nullable String timeZone,
			@Size(max = 32) @Nullable List<@Size(max = 49) String> allowedSources) {

	}

	/**
	 * A camera just added.
	 *
	 * @param camera the camera
	 * @param setup what to type into it
	 * @param password its password: in this response only
	 */
	record AddedCamera(CameraDocument camera, CameraSetup setup, String password) {

	}

	/**
	 * A new password.
	 *
	 * @param setup what to type into the camera
	 * @param password the password: in this response only
	 */
	record NewPassword(CameraSetup setup, String password) {

	}

	/**
	 * A camera deleted.
	 *
	 * @param cameraId the camera
	 * @param deleteMedia whether its media was deleted too
	 * @param mediaDeleted media items deleted
	 * @param mediaKeptOnHold items kept because they are under legal hold
	 */
	record DeletedCamera(String cameraId, boolean deleteMedia, long mediaDeleted, long mediaKeptOnHold) {

	}

}
