package dev.vigil.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * One object of a rendered YAML stream: its text, and its typed fabric8 form when it
 * unmarshals.
 *
 * @param source the document as YAML text
 * @param object the typed object, or {@code null} when unmarshalling failed
 * @param error why unmarshalling failed, or {@code null}
 */
record Manifest(String source, HasMetadata object, String error) {

	/**
	 * Jackson, as fabric8 configures it, turns {@code value: false} into the string
	 * {@code "false"}; the API server rejects it ("cannot unmarshal bool into Go struct
	 * field EnvVar.value of type string"). Coercion between scalar shapes is switched off
	 * so a YAML boolean or number where the schema wants a string (or the other way
	 * round) fails here as it fails on a cluster.
	 */
	private static final KubernetesSerialization serialization = new KubernetesSerialization(strictMapper(), true);

	private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---[ \\t]*$");

	String describe() {
		if (this.object == null) {
			return "document (" + this.error + ")";
		}
		return this.object.getKind() + "/" + this.object.getMetadata().getName();
	}

	/**
	 * Splits a multi-document YAML stream and unmarshals each document into its typed
	 * class.
	 */
	static List<Manifest> parse(String yamlStream) {
		Yaml yaml = new Yaml(new SafeConstructor(ComposePolicy.strict()));
		List<Manifest> manifests = new ArrayList<>();
		// Split the text rather than re-dump parsed maps, so each document reaches
		// fabric8 as written.
		for (String source : DOCUMENT_SEPARATOR.split(yamlStream)) {
			if (!(yaml.load(source) instanceof Map<?, ?> map) || map.isEmpty()) {
				continue;
			}
			try {
				Object typed = serialization.unmarshal(source);
				if (typed instanceof HasMetadata object) {
					manifests.add(new Manifest(source, object, null));
				}
				else {
					manifests.add(new Manifest(source, null, "not a Kubernetes object: " + typed));
				}
			}
			catch (RuntimeException ex) {
				manifests.add(new Manifest(source, null, firstLine(ex)));
			}
		}
		return manifests;
	}

	private static ObjectMapper strictMapper() {
		JsonMapper.Builder builder = JsonMapper.builder().disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
		for (LogicalType type : List.of(LogicalType.Textual, LogicalType.Integer, LogicalType.Boolean,
				LogicalType.Float)) {
			builder.withCoercionConfig(type,
					(config) -> config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
		}
		for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Boolean, LogicalType.Float)) {
			builder.withCoercionConfig(type,
					(config) -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
		}
		return builder.build();
	}

	private static String firstLine(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = String.valueOf(root.getMessage());
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

}
