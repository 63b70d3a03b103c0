package dev.vigil.processing.detect;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import com.google.protobuf.ByteString;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a TensorFlow.js graph model ({@code model.json} + weight shards) into a frozen
 * TensorFlow {@link GraphDef} that TensorFlow Java runs.
 *
 * <p>
 * A TF.js graph model is a GraphDef written as proto3 JSON without the constants' values,
 * plus a weights manifest that says, per constant, its shape, stored type and
 * quantisation; the values are concatenated in manifest order in the binary shards.
 * Conversion: every node is rebuilt as a {@link NodeDef} (attributes from their JSON
 * form, {@code device} dropped), and every {@code Const} gets its value back as a
 * {@code TensorProto}: float16-quantised floats are widened to float32, and int64
 * constants (which TF.js stores as int32) are widened to int64. Ops TF.js fused
 * ({@code _FusedConv2D}, {@code FusedDepthwiseConv2dNative}, {@code _FusedMatMul}) have
 * no kernel outside TF.js; they are refused with a clear message, since the models Vigil
 * converts (NanoDet-m) contain none.
 */
public final class TfjsGraphConverter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TfjsGraphConverter() {
	}

	/**
	 * Converts a model.
	 * @param modelJson the {@code model.json} bytes
	 * @param weights the weight shards concatenated in manifest order
	 * @return the frozen graph
	 * @throws IllegalArgumentException when the model is not a TF.js graph model this
	 * converter can handle, or the weights do not match the manifest
	 */
	public static GraphDef convert(byte[] modelJson, byte[] weights) {
		JsonNode model = JSON.readTree(modelJson);
		if (!"graph-model".equals(model.path("format").asString(""))) {
			throw new IllegalArgumentException("not a TF.js graph model (format is not graph-model)");
		}
		Map<String, TensorProto> constants = constants(model.path("weightsManifest"), weights);
		GraphDef.Builder graph = GraphDef.newBuilder();
		for (JsonNode node : model.path("modelTopology").path("node")) {
			graph.addNode(node(node, constants));
		}
		return graph.build();
	}

	private static NodeDef node(JsonNode json, Map<String, TensorProto> constants) {
		String name = json.path("name").asString();
		String op = json.path("op").asString();
		if (op.startsWith("_Fused") || op.startsWith("Fused")) {
			throw new IllegalArgumentException("node " + name + ": TF.js-only fused op " + op + " is not supported");
		}
		NodeDef.Builder node = NodeDef.newBuilder().setName(name).setOp(op);
		for (JsonNode input : json.path("input")) {
			node.addInput(input.asString());
		}
		for (Map.Entry<String, JsonNode> attr : json.path("attr").properties()) {
			if ("Const".equals(op) && "value".equals(attr.getKey())) {
				continue;
			}
			node.putAttr(attr.getKey(), attr(attr.getValue()));
		}
		if ("Const".equals(op)) {
			TensorProto value = constants.get(name);
			if (value == null) {
				throw new IllegalArgumentException("constant " + name + " has no entry in the weights manifest");
			}
			AttrValue dtype = node.getAttrOrDefault("dtype", AttrValue.getDefaultInstance());
			if (dtype.getType() == DataType.DT_INT64 && value.getDtype() == DataType.DT_INT32) {
				value = widenToInt64(value);
			}
			node.putAttr("value", AttrValue.newBuilder().setTensor(value).build());
		}
		return node.build();
	}

	static AttrValue attr(JsonNode json) {
		AttrValue.Builder attr = AttrValue.newBuilder();
		if (json.has("s")) {
			attr.setS(ByteString.copyFrom(Base64.getDecoder().decode(json.get("s").asString())));
		}
		else if (json.has("i")) {
			attr.setI(Long.parseLong(json.get("i").asString()));
		}
		else if (json.has("f")) {
			attr.setF((float) json.get("f").asDouble());
		}
		else if (json.has("b")) {
			attr.setB(json.get("b").asBoolean());
		}
		else if (json.has("type")) {
			attr.setType(DataType.valueOf(json.get("type").asString()));
		}
		else if (json.has("shape")) {
			attr.setShape(shape(json.get("shape")));
		}
		else if (json.has("list")) {
			attr.setList(list(json.get("list")));
		}
		else {
			throw new IllegalArgumentException("unsupported attribute " + json);
		}
		return attr.build();
	}

	private static AttrValue.ListValue list(JsonNode json) {
		AttrValue.ListValue.Builder list = AttrValue.ListValue.newBuilder();
		json.path("s").forEach((v) -> list.addS(ByteString.copyFrom(Base64.getDecoder().decode(v.asString()))));
		json.path("i").forEach((v) -> list.addI(Long.parseLong(v.asString())));
		json.path("f").forEach((v) -> list.addF((float) v.asDouble()));
		json.path("b").forEach((v) -> list.addB(v.asBoolean()));
		json.path("type").forEach((v) -> list.addType(DataType.valueOf(v.asString())));
		json.path("shape").forEach((v) -> list.addShape(shape(v)));
		return list.build();
	}

	private static TensorShapeProto shape(JsonNode json) {
		TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
		if (json.path("unknownRank").asBoolean(false)) {
			shape.setUnknownRank(true);
		}
		// proto3 JSON leaves out a zero size: {} is a dimension of size 0.
		json.path("dim")
			.forEach((d) -> shape.addDim(TensorShapeProto.Dim.newBuilder()
				.setSize(d.has("size") ? Long.parseLong(d.get("size").asString()) : 0L)));
		return shape.build();
	}

	private static Map<String, TensorProto> constants(JsonNode manifest, byte[] weights) {
		ByteBuffer data = ByteBuffer.wrap(weights).order(ByteOrder.LITTLE_ENDIAN);
		Map<String, TensorProto> constants = new HashMap<>();
		for (JsonNode group : manifest) {
			for (JsonNode weight : group.path("weights")) {
				String name = weight.path("name").asString();
				TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
				long count = 1;
				for (Iterator<JsonNode> it = weight.path("shape").iterator(); it.hasNext();) {
					long size = it.next().asLong();
					shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(size));
					count *= size;
				}
				String dtype = weight.path("dtype").asString();
				String stored = weight.path("quantization").path("dtype").asString(dtype);
				TensorProto.Builder tensor = TensorProto.newBuilder().setTensorShape(shape);
				if (data.remaining() < count * bytesPerValue(name, stored)) {
					throw new IllegalArgumentException(
							"weights end before constant " + name + " (the weight file is truncated)");
				}
				switch (dtype + "/" + stored) {
					case "float32/float16" ->
						tensor.setDtype(DataType.DT_FLOAT).setTensorContent(widenHalf(data, count));
					case "float32/float32" ->
						tensor.setDtype(DataType.DT_FLOAT).setTensorContent(copy(data, count * 4));
					case "int32/int32" -> tensor.setDtype(DataType.DT_INT32).setTensorContent(copy(data, count * 4));
					default -> throw new IllegalArgumentException(
							"constant " + name + ": unsupported weight type " + dtype + " stored as " + stored);
				}
				constants.put(name, tensor.build());
			}
		}
		if (data.hasRemaining()) {
			throw new IllegalArgumentException(
					"weights have " + data.remaining() + " bytes more than the manifest describes");
		}
		return constants;
	}

	/**
	 * TF.js stores int64 constants as int32; the graph still declares them int64.
	 * @param value an int32 constant
	 * @return the same values as int64
	 */
	private static TensorProto widenToInt64(TensorProto value) {
		ByteBuffer ints = value.getTensorContent().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
		ByteBuffer longs = ByteBuffer.allocate(ints.remaining() * 2).order(ByteOrder.LITTLE_ENDIAN);
		while (ints.hasRemaining()) {
			longs.putLong(ints.getInt());
		}
		longs.flip();
		return value.toBuilder().setDtype(DataType.DT_INT64).setTensorContent(ByteString.copyFrom(longs)).build();
	}

	private static int bytesPerValue(String name, String stored) {
		return switch (stored) {
			case "float16" -> 2;
			case "float32", "int32" -> 4;
			default -> throw new IllegalArgumentException("constant " + name + ": unsupported stored type " + stored);
		};
	}

	private static ByteString widenHalf(ByteBuffer data, long count) {
		ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(count * 4)).order(ByteOrder.LITTLE_ENDIAN);
		for (long i = 0; i < count; i++) {
			out.putFloat(Float.float16ToFloat(data.getShort()));
		}
		out.flip();
		return ByteString.copyFrom(out);
	}

	private static ByteString copy(ByteBuffer data, long bytes) {
		byte[] out = new byte[Math.toIntExact(bytes)];
		data.get(out);
		return ByteString.copyFrom(out);
	}

}
