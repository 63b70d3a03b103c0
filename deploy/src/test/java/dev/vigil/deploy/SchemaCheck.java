package dev.vigil.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;

/**
 * Validates objects against the Kubernetes API model: a known apiVersion/kind, values of
 * the right types (checked while unmarshalling), valid quantities, and no unknown fields.
 * fabric8 keeps fields it does not know in {@code additionalProperties} instead of
 * failing, so this walks the typed object and reports every non-empty one: that is where
 * a typo like {@code livenesProbe} ends up, silently ignored by a real cluster.
 */
final class SchemaCheck {

	private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

	private SchemaCheck() {
	}

	static List<String> violations(List<Manifest> manifests) {
		List<String> violations = new ArrayList<>();
		for (Manifest manifest : manifests) {
			violations.addAll(violations(manifest));
		}
		return violations;
	}

	static List<String> violations(Manifest manifest) {
		List<String> violations = new ArrayList<>();
		HasMetadata object = manifest.object();
		if (object == null) {
			violations.add("invalid-object: " + manifest.describe());
			return violations;
		}
		if (object instanceof GenericKubernetesResource) {
			violations.add("unknown-kind: " + object.getApiVersion() + " " + object.getKind() + " "
					+ object.getMetadata().getName() + " is not a Kubernetes API type");
			return violations;
		}
		walk(object, manifest.describe(), violations, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
		return violations;
	}

	private static void walk(Object node, String path, List<String> violations, Set<Object> seen) {
		if (node == null || !seen.add(node)) {
			return;
		}
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> walk(value, path + "." + key, violations, seen));
			return;
		}
		if (node instanceof Collection<?> collection) {
			int index = 0;
			for (Object element : collection) {
				walk(element, path + "[" + index++ + "]", violations, seen);
			}
			return;
		}
		if (node instanceof Quantity quantity) {
			try {
				Quantity.getAmountInBytes(quantity);
			}
			catch (RuntimeException ex) {
				violations.add("invalid-quantity: " + path + " = " + quantity);
			}
			return;
		}
		Class<?> type = node.getClass();
		if (!type.getPackageName().startsWith(MODEL_PACKAGE)) {
			return;
		}
		for (Method getter : type.getMethods()) {
			if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
					|| !getter.getDeclaringClass().getPackageName().startsWith(MODEL_PACKAGE)) {
				continue;
			}
			Object value = invoke(getter, node);
			if (getter.getName().equals("getAdditionalProperties")) {
				if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
					violations.add("unknown-field: " + path + " has " + extra.keySet());
				}
				continue;
			}
			String name = getter.getName().substring(3);
			walk(value, path + "." + name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1), violations,
					seen);
		}
	}

	private static Object invoke(Method getter, Object target) {
		try {
			return getter.invoke(target);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			return null;
		}
	}

}
