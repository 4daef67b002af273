package io.edgeinfer.quantize.graph;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/** Turns one signature of a SavedModel into a {@link FrozenGraph}. */
public final class GraphFreezer {
  private static final String TAG = "serve";

  private GraphFreezer() {}

  /**
   * @throws ConversionException when the directory is no SavedModel, the signature is unknown or
   *     takes non-numeric inputs, or the graph cannot be flattened
   */
  public static FrozenGraph freeze(Path dir, String signatureKey) throws ConversionException {
    return freeze(dir, signatureKey, Map.of());
  }

  /**
   * @param inputShapes shapes for inputs by signature input name (as TFLite's converter takes
   *     them): required for an input of unknown rank, and they fix unknown dimensions; {@code -1}
   *     leaves a dimension unknown (the batch)
   */
  public static FrozenGraph freeze(Path dir, String signatureKey, Map<String, int[]> inputShapes)
      throws ConversionException {
    MetaGraphDef metaGraph = metaGraph(dir);
    SignatureDef signature = metaGraph.getSignatureDefMap().get(signatureKey);
    if (signature == null) {
      List<String> known = new ArrayList<>(metaGraph.getSignatureDefMap().keySet());
      known.remove("__saved_model_init_op");
      throw new ConversionException(
          "unknown signature " + signatureKey + " in " + dir + ": expected one of " + known);
    }
    Map<TensorRef, TensorRef> cut = new LinkedHashMap<>();
    Map<String, TensorRef> inputs = new LinkedHashMap<>();
    List<NodeDef> placeholders = new ArrayList<>();
    for (String named : inputShapes.keySet()) {
      if (!signature.getInputsMap().containsKey(named)) {
        throw new ConversionException(
            "--input-shape names input '"
                + named
                + "': expected one of signature "
                + signatureKey
                + "'s inputs "
                + new java.util.TreeSet<>(signature.getInputsMap().keySet()));
      }
    }
    for (Map.Entry<String, TensorInfo> input : signature.getInputsMap().entrySet()) {
      TensorInfo info = input.getValue();
      int[] given = inputShapes.get(input.getKey());
      if (given != null) {
        info = InputShapes.apply(signatureKey, input.getKey(), info, given);
      }
      checkNumeric(signatureKey, input.getKey(), info);
      String name = "edgeinfer_input_" + placeholders.size();
      placeholders.add(placeholder(name, info));
      cut.put(TensorRef.parse(info.getName()), new TensorRef(name, 0));
      inputs.put(input.getKey(), new TensorRef(name, 0));
    }
    try (SavedModelBundle bundle = SavedModelBundle.loader(dir.toString()).withTags(TAG).load()) {
      Flattener flattener =
          new Flattener(metaGraph.getGraphDef(), new VariableReader(bundle), cut, placeholders);
      Map<String, TensorRef> outputs = new LinkedHashMap<>();
      for (Map.Entry<String, TensorInfo> output : signature.getOutputsMap().entrySet()) {
        outputs.put(output.getKey(), flattener.resolveOuter(output.getValue().getName()));
      }
      Map<String, NodeDef> needed = reachable(flattener.nodes(), outputs.values());
      return ConstantFolder.fold(signatureKey, needed, inputs, outputs);
    } catch (RuntimeException e) {
      throw new ConversionException("TensorFlow cannot load " + dir + ": " + e.getMessage(), e);
    }
  }

  static MetaGraphDef metaGraph(Path dir) throws ConversionException {
    Path file = dir.resolve("saved_model.pb");
    if (!Files.isRegularFile(file)) {
      throw new ConversionException(
          "expected a SavedModel directory with saved_model.pb, found " + describe(dir));
    }
    SavedModel savedModel;
    try {
      savedModel = SavedModel.parseFrom(Files.readAllBytes(file));
    } catch (InvalidProtocolBufferException e) {
      throw new ConversionException(
          "expected a SavedModel protocol buffer in " + file + ", found unreadable data", e);
    } catch (IOException e) {
      throw new ConversionException("cannot read " + file + ": " + e.getMessage(), e);
    }
    for (MetaGraphDef metaGraph : savedModel.getMetaGraphsList()) {
      if (metaGraph.getMetaInfoDef().getTagsList().contains(TAG)) {
        return metaGraph;
      }
    }
    throw new ConversionException("expected a meta graph tagged serve in " + dir + ", found none");
  }

  private static String describe(Path dir) {
    if (!Files.exists(dir)) {
      return "nothing at " + dir;
    }
    return Files.isDirectory(dir) ? "a directory without it: " + dir : "a file: " + dir;
  }

  private static void checkNumeric(String signature, String input, TensorInfo info)
      throws ConversionException {
    DataType type = info.getDtype();
    if (type != DataType.DT_FLOAT) {
      throw new ConversionException(
          "signature "
              + signature
              + " takes input "
              + input
              + " of type "
              + type.name().substring(3).toLowerCase(java.util.Locale.ROOT)
              + "; expected float32 inputs (a .tflite model takes numeric tensors, not "
              + "serialized examples)");
    }
    if (info.getTensorShape().getUnknownRank()) {
      throw new ConversionException(
          "signature "
              + signature
              + " input "
              + input
              + " has unknown rank; expected a shape: give one with --input-shape "
              + input
              + "=DIMS (e.g. 1,28,28)");
    }
  }

  private static NodeDef placeholder(String name, TensorInfo info) {
    TensorShapeProto shape = info.getTensorShape();
    return NodeDef.newBuilder()
        .setName(name)
        .setOp("Placeholder")
        .putAttr("dtype", AttrValue.newBuilder().setType(info.getDtype()).build())
        .putAttr("shape", AttrValue.newBuilder().setShape(shape).build())
        .build();
  }

  /** The nodes the outputs depend on, in the order they were written. */
  private static Map<String, NodeDef> reachable(
      Map<String, NodeDef> nodes, Iterable<TensorRef> outputs) {
    Set<String> seen = new HashSet<>();
    List<String> stack = new ArrayList<>();
    outputs.forEach(ref -> stack.add(ref.node()));
    while (!stack.isEmpty()) {
      String name = stack.remove(stack.size() - 1);
      if (seen.add(name)) {
        for (String input : nodes.get(name).getInputList()) {
          stack.add(TensorRef.parse(input).node());
        }
      }
    }
    Map<String, NodeDef> kept = new LinkedHashMap<>();
    nodes.forEach(
        (name, node) -> {
          if (seen.contains(name)) {
            kept.put(name, node);
          }
        });
    return kept;
  }
}
