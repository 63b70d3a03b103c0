package dev.vigil.identity.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.vigil.identity.audit.AuditLog.AuditEntry;
import dev.vigil.identity.audit.AuditLog.Position;
import dev.vigil.identity.audit.AuditLog.Type;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API for the account audit trail (sign-ins, failures, lock-outs, password changes,
 * users' roles and camera scope, API clients, signing keys), newest first, in the shape
 * of catalog-api's {@code /api/v1/audit} so one page can show both. Needs an admin of
 * every camera (see {@code UnscopedAdmins}).
 */
@RestController
@RequestMapping("/admin/v1/audit")
class AuditAdminController {

	/** Both ends must fit MongoDB's dates; an {@code Instant} parses far beyond. */
	private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

	private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{24}");

	private final AuditLog audit;

	AuditAdminController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping
	AuditPage list(@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > 500) {
			throw new IllegalArgumentException("limit must be 1 to 500");
		}
		requireRepresentable("from", from);
		requireRepresentable("to", to);
		if (from != null && to != null && from.isAfter(to)) {
			throw new IllegalArgumentException("from must not be after to");
		}
		if (actor != null && (actor.isBlank() || actor.length() > 200)) {
			throw new IllegalArgumentException("actor must have 1 to 200 characters");
		}
		List<Type> types = (action != null) ? List.of(type(action)) : List.of();
		List<AuditEntry> entries = this.audit.find(types, actor, from, to, decode(cursor), limit + 1);
		boolean more = entries.size() > limit;
		List<AuditEntry> page = more ? entries.subList(0, limit) : entries;
		return new AuditPage(page.stream().map(AuditItem::of).toList(), more ? encode(page.getLast()) : null);
	}

	private static Type type(String action) {
		return Arrays.stream(Type.values())
			.filter((type) -> type.action().equals(action))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"action must be one of " + Arrays.stream(Type.values()).map(Type::action).toList()));
	}

	private static void requireRepresentable(String name, @Nullable Instant time) {
		if (time != null && (time.isBefore(EARLIEST) || time.isAfter(LATEST))) {
			throw new IllegalArgumentException(name + " must lie between " + EARLIEST + " and " + LATEST);
		}
	}

	private static String encode(AuditEntry last) {
		String position = last.at().toEpochMilli() + "~" + last.id();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
	}

	private static @Nullable Position decode(@Nullable String cursor) {
		if (cursor == null) {
			return null;
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("~", 2);
			if (parts.length == 2 && OBJECT_ID.matcher(parts[1]).matches()) {
				return new Position(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1]);
			}
		}
		catch (IllegalArgumentException ex) {
			// NumberFormatException included: answered below.
		}
		throw new IllegalArgumentException("cursor is not one this API returned");
	}

	/**
	 * One page, newest first.
	 *
	 * @param items the entries
	 * @param nextCursor pass as {@code cursor} for the next page; absent on the last
	 */
	record AuditPage(List<AuditItem> items, @Nullable String nextCursor) {
	}

	/**
	 * One entry in the catalog's audit shape.
	 *
	 * @param id unique id
	 * @param at when
	 * @param actor who (username, client id, or the name typed at a failed sign-in)
	 * @param action e.g. {@code account.locked-out}
	 * @param target the API client involved, if any
	 * @param details source address and description, where known
	 */
	record AuditItem(String id, Instant at, @Nullable String actor, String action, @Nullable String target,
			Map<String, Object> details) {

		static AuditItem of(AuditEntry entry) {
			Map<String, Object> details = new LinkedHashMap<>();
			if (entry.source() != null) {
				details.put("source", entry.source());
			}
			if (entry.detail() != null) {
				details.put("detail", entry.detail());
			}
			String action = Arrays.stream(Type.values())
				.filter((type) -> type.name().equals(entry.type()))
				.map(Type::action)
				.findFirst()
				.orElse(entry.type());
			return new AuditItem(String.valueOf(entry.id()), entry.at(), entry.actor(), action, entry.clientId(),
					details);
		}

	}

}
