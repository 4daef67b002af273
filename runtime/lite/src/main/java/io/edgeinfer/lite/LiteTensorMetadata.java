package io.edgeinfer.lite;

import io.edgeinfer.core.MalformedModelException;
import io.edgeinfer.core.TensorMetadata;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteSignature;
import io.edgeinfer.lite.format.LiteSubgraph;
import io.edgeinfer.lite.format.SignatureTensor;
import io.edgeinfer.lite.format.TfliteMetadata;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TFLite model metadata as the engine-neutral {@link TensorMetadata}, keyed by signature and tensor
 * name. The metadata describes the first subgraph's inputs and outputs in their order, so a
 * signature tensor gets the entry at its position among its subgraph's inputs or outputs.
 */
final class LiteTensorMetadata {
  private LiteTensorMetadata() {}

  static String inputKey(String signature, String input) {
    return "input\0" + signature + "\0" + input;
  }

  static String outputKey(String signature, String output) {
    return "output\0" + signature + "\0" + output;
  }

  /**
   * Each signature tensor's metadata; empty when the file has none. Metadata the reader refuses is
   * left out here: {@code inspect} reports it.
   */
  static Map<String, TensorMetadata> bySignature(LiteModel model, List<LiteSignature> defs) {
    Optional<ByteBuffer> bytes = model.metadata(TfliteMetadata.ENTRY);
    if (bytes.isEmpty()) {
      return Map.of();
    }
    TfliteMetadata metadata;
    try {
      metadata = TfliteMetadata.read(bytes.get());
    } catch (MalformedModelException e) {
      return Map.of();
    }
    Map<String, TensorMetadata> out = new HashMap<>();
    for (LiteSignature def : defs) {
      if (def.subgraphIndex() != 0) {
        continue;
      }
      LiteSubgraph graph = model.subgraphs().get(0);
      for (SignatureTensor st : def.inputs()) {
        int at = graph.inputs().indexOf(st.tensorIndex());
        if (at >= 0 && at < metadata.inputs().size()) {
          out.put(inputKey(def.key(), st.name()), of(metadata.inputs().get(at)));
        }
      }
      for (SignatureTensor st : def.outputs()) {
        int at = graph.outputs().indexOf(st.tensorIndex());
        if (at >= 0 && at < metadata.outputs().size()) {
          out.put(outputKey(def.key(), st.name()), of(metadata.outputs().get(at)));
        }
      }
    }
    return Map.copyOf(out);
  }

  private static TensorMetadata of(TfliteMetadata.TensorInfo info) {
    List<String> axis = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (TfliteMetadata.AssociatedFile file : info.files()) {
      if (file.type().equals("TENSOR_AXIS_LABELS")) {
        axis.add(file.name());
      } else if (file.type().equals("TENSOR_VALUE_LABELS")) {
        values.add(file.name());
      }
    }
    return new TensorMetadata(
        info.name(), info.description(), info.mean(), info.std(), axis, values);
  }
}
