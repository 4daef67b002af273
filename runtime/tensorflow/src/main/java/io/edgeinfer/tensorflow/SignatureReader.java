package io.edgeinfer.tensorflow;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.TensorSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/** Turns a meta graph's signature defs into edgeinfer signatures. */
final class SignatureReader {
  /** TF2 saves its initializer as a signature; it is not an entry point for users. */
  private static final String INIT_OP_SIGNATURE = "__saved_model_init_op";

  /**
   * @param signatures what edgeinfer can run, sorted by name
   * @param graphNames for each signature, its inputs' and outputs' graph tensor names
   * @param skipped signatures left out, each with the reason
   */
  record Result(
      List<Signature> signatures,
      Map<String, GraphNames> graphNames,
      Map<String, String> skipped) {}

  /** Graph tensor names ({@code x:0}) of one signature's inputs and outputs, by signature key. */
  record GraphNames(Map<String, String> inputs, Map<String, String> outputs) {}

  private SignatureReader() {}

  static Result read(MetaGraphDef metaGraph) {
    List<Signature> signatures = new ArrayList<>();
    Map<String, GraphNames> graphNames = new TreeMap<>();
    Map<String, String> skipped = new TreeMap<>();
    Map<String, SignatureDef> defs = new TreeMap<>(metaGraph.getSignatureDefMap());
    for (Map.Entry<String, SignatureDef> entry : defs.entrySet()) {
      String name = entry.getKey();
      if (name.equals(INIT_OP_SIGNATURE)) {
        continue;
      }
      SignatureDef def = entry.getValue();
      GraphNames names = new GraphNames(new TreeMap<>(), new TreeMap<>());
      List<String> problems = new ArrayList<>();
      List<TensorSpec> inputs = specs(def.getInputsMap(), names.inputs(), problems);
      List<TensorSpec> outputs = specs(def.getOutputsMap(), names.outputs(), problems);
      if (!problems.isEmpty()) {
        skipped.put(name, String.join("; ", problems));
        continue;
      }
      signatures.add(new Signature(name, inputs, outputs, def.getMethodName()));
      graphNames.put(name, names);
    }
    return new Result(signatures, graphNames, skipped);
  }

  private static List<TensorSpec> specs(
      Map<String, TensorInfo> infos, Map<String, String> tensorNames, List<String> problems) {
    List<TensorSpec> specs = new ArrayList<>();
    for (Map.Entry<String, TensorInfo> entry : new TreeMap<>(infos).entrySet()) {
      TensorInfo info = entry.getValue();
      Optional<DataType> type = TfDataTypes.fromProto(info.getDtype());
      if (info.getEncodingCase() != TensorInfo.EncodingCase.NAME) {
        problems.add("'" + entry.getKey() + "' is a " + info.getEncodingCase() + " tensor");
      } else if (type.isEmpty()) {
        problems.add("'" + entry.getKey() + "' has type " + TfDataTypes.label(info.getDtype()));
      } else {
        specs.add(new TensorSpec(entry.getKey(), type.get(), shape(info.getTensorShape())));
        tensorNames.put(entry.getKey(), info.getName());
      }
    }
    return specs;
  }

  static Shape shape(TensorShapeProto proto) {
    if (proto.getUnknownRank()) {
      return Shape.UNKNOWN_RANK;
    }
    long[] dims = new long[proto.getDimCount()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = proto.getDim(i).getSize();
    }
    return Shape.of(dims);
  }
}
