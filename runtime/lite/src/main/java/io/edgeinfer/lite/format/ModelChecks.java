package io.edgeinfer.lite.format;

import java.util.List;

/**
 * The rules that tie a model's parts together, checked whenever a {@link LiteModel} is made: by the
 * reader (a failure means a corrupt file) and by code that builds models for the writer (a failure
 * means a bug there). Rules within one record live in that record.
 */
final class ModelChecks {
  private ModelChecks() {}

  static void check(
      List<LiteOpCode> operatorCodes,
      List<LiteSubgraph> subgraphs,
      List<LiteBuffer> buffers,
      List<LiteMetadata> metadata,
      List<LiteSignature> signatures) {
    if (subgraphs.isEmpty()) {
      throw new IllegalArgumentException("expected at least one subgraph, found none");
    }
    for (int g = 0; g < subgraphs.size(); g++) {
      LiteSubgraph subgraph = subgraphs.get(g);
      for (int t = 0; t < subgraph.tensors().size(); t++) {
        checkTensor("subgraphs[" + g + "].tensors[" + t + "]", subgraph.tensor(t), buffers);
      }
      for (int o = 0; o < subgraph.operators().size(); o++) {
        int index = subgraph.operators().get(o).opcodeIndex();
        if (index >= operatorCodes.size()) {
          throw new IllegalArgumentException(
              "subgraphs["
                  + g
                  + "].operators["
                  + o
                  + "]: expected an operator code index below "
                  + operatorCodes.size()
                  + ", found "
                  + index);
        }
      }
    }
    for (int m = 0; m < metadata.size(); m++) {
      int buffer = metadata.get(m).buffer();
      if (buffer >= buffers.size()) {
        throw new IllegalArgumentException(
            "metadata["
                + m
                + "] '"
                + metadata.get(m).name()
                + "': expected a buffer index below "
                + buffers.size()
                + ", found "
                + buffer);
      }
    }
    for (int s = 0; s < signatures.size(); s++) {
      checkSignature("signature_defs[" + s + "]", signatures.get(s), subgraphs);
    }
  }

  private static void checkTensor(String where, LiteTensor tensor, List<LiteBuffer> buffers) {
    int buffer = tensor.buffer();
    // Buffer 0 is the "no data" sentinel even in a model that lists no buffers at all.
    if (buffer >= buffers.size() && !(buffer == 0 && buffers.isEmpty())) {
      throw new IllegalArgumentException(
          where
              + " "
              + tensor
              + ": expected a buffer index below "
              + buffers.size()
              + ", found "
              + buffer);
    }
    if (buffer < buffers.size() && !buffers.get(buffer).isEmpty()) {
      long expected;
      try {
        expected = Math.multiplyExact(tensor.shape().elementCount(), tensor.type().byteSize());
      } catch (ArithmeticException e) {
        expected = -1;
      }
      int found = buffers.get(buffer).size();
      if (expected != found) {
        throw new IllegalArgumentException(
            where
                + " "
                + tensor
                + ": expected "
                + (expected < 0 ? "a size below 2^63" : Where.bytes(expected) + " bytes")
                + " of data for "
                + tensor.type().label()
                + " "
                + tensor.shape()
                + ", found "
                + Where.bytes(found)
                + " in buffer "
                + buffer);
      }
    }
  }

  private static void checkSignature(
      String where, LiteSignature signature, List<LiteSubgraph> subgraphs) {
    if (signature.subgraphIndex() >= subgraphs.size()) {
      throw new IllegalArgumentException(
          where
              + " '"
              + signature.key()
              + "': expected a subgraph index below "
              + subgraphs.size()
              + ", found "
              + signature.subgraphIndex());
    }
    int tensors = subgraphs.get(signature.subgraphIndex()).tensors().size();
    checkEntries(where + " '" + signature.key() + "' inputs", signature.inputs(), tensors);
    checkEntries(where + " '" + signature.key() + "' outputs", signature.outputs(), tensors);
  }

  private static void checkEntries(String where, List<SignatureTensor> entries, int tensors) {
    for (SignatureTensor entry : entries) {
      if (entry.tensorIndex() >= tensors) {
        throw new IllegalArgumentException(
            where
                + " '"
                + entry.name()
                + "': expected a tensor index below "
                + tensors
                + ", found "
                + entry.tensorIndex());
      }
    }
  }
}
