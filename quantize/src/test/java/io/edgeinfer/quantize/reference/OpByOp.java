package io.edgeinfer.quantize.reference;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.conformance.TensorFlowLite;
import io.edgeinfer.lite.conformance.TflmOracle;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteSubgraph;
import io.edgeinfer.lite.format.TfliteFile;
import io.edgeinfer.lite.format.TfliteWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.lite.Interpreter;

/**
 * Where along an int8 file TensorFlow Lite 2.6.2 departs from TensorFlow Lite Micro's reference
 * kernels (the oracle). Every operator with an int8 output is run twice in both runtimes: alone, on
 * the oracle's own values of its inputs (so the kernel's rounding shows, apart from differences
 * that earlier operators carry in), and as the end of the file cut at its output (what the
 * differences have become by then). Both as int8 steps of the operator's output.
 */
public final class OpByOp {
  private OpByOp() {}

  /**
   * One operator's agreement, in int8 steps of its output.
   *
   * @param op the builtin operator's name
   * @param alone differing values and the largest difference, the operator fed identical inputs
   * @param chained the same at its output with the whole file before it run in each runtime
   */
  public record OpAgreement(int index, String op, Steps alone, Steps chained, float outputScale) {
    @Override
    public String toString() {
      return String.format(
          "op %d %s (output scale %.5f): alone %s, in the file %s",
          index, op, outputScale, alone, chained);
    }
  }

  /** How many of the values differ, and by how many steps at most. */
  public record Steps(int values, int differing, int max) {
    static Steps of(byte[] a, byte[] b) {
      if (a.length != b.length) {
        throw new AssertionError("expected " + a.length + " bytes, found " + b.length);
      }
      int differing = 0;
      int max = 0;
      for (int i = 0; i < a.length; i++) {
        int d = Math.abs(a[i] - b[i]);
        differing += d > 0 ? 1 : 0;
        max = Math.max(max, d);
      }
      return new Steps(a.length, differing, max);
    }

    @Override
    public String toString() {
      return max == 0
          ? "bit for bit"
          : String.format(
              "%d of %d values differ (%.2f%%), at most %d steps",
              differing, values, 100.0 * differing / values, max);
    }
  }

  /**
   * Replays every operator with an int8 output of a one-input file.
   *
   * @param inputSets {@code sets} inputs of the file, one after another, as the file stores them
   * @param dir where the cut and one-operator files go
   */
  public static List<OpAgreement> replay(Path file, byte[] inputSets, int sets, Path dir)
      throws Exception {
    TensorFlowLite.require();
    LiteModel model = TfliteFile.open(file);
    LiteSubgraph graph = model.mainSubgraph();
    if (graph.inputs().size() != 1) {
      throw new IllegalArgumentException(
          "expected a file with one input, found " + graph.inputs().size());
    }
    Map<Integer, byte[]> oracleValues = new HashMap<>();
    oracleValues.put(graph.inputs().get(0), inputSets);
    List<OpAgreement> agreements = new ArrayList<>();
    for (int i = 0; i < graph.operators().size(); i++) {
      LiteOperator op = graph.operators().get(i);
      if (op.outputs().size() != 1 || graph.tensor(op.outputs().get(0)).type() != DataType.INT8) {
        continue;
      }
      int output = op.outputs().get(0);
      Path cut = write(model, closure(graph, output), graph.inputs(), List.of(output), dir, "cut");
      byte[] oracleOut = oracle(cut, inputSets);
      byte[] tfliteOut = tensorFlowLite(cut, List.of(inputSets), sets);
      oracleValues.put(output, oracleOut);

      List<Integer> fed = new ArrayList<>();
      for (int input : op.inputs()) {
        if (input != LiteOperator.OMITTED && !model.isConstant(graph.tensor(input))) {
          fed.add(input);
        }
      }
      List<byte[]> fedValues = new ArrayList<>();
      for (int input : fed) {
        if (!oracleValues.containsKey(input)) { // e.g. the float tensor a QUANTIZE reads
          Path before =
              write(model, closure(graph, input), graph.inputs(), List.of(input), dir, "cut");
          oracleValues.put(input, oracle(before, inputSets));
        }
        fedValues.add(oracleValues.get(input));
      }
      Path alone = write(model, List.of(op), fed, List.of(output), dir, "alone");
      Steps aloneSteps =
          Steps.of(
              oracle(alone, interleave(fedValues, sets)), tensorFlowLite(alone, fedValues, sets));
      agreements.add(
          new OpAgreement(
              i,
              model.opCode(op).builtin().map(Enum::name).orElse(model.opCode(op).toString()),
              aloneSteps,
              Steps.of(oracleOut, tfliteOut),
              graph.tensor(output).quantization().scale(0)));
    }
    return agreements;
  }

  /** The operators needed to compute {@code tensor}, in the file's order. */
  private static List<LiteOperator> closure(LiteSubgraph graph, int tensor) {
    Set<Integer> needed = new HashSet<>(List.of(tensor));
    List<LiteOperator> kept = new ArrayList<>();
    for (int i = graph.operators().size() - 1; i >= 0; i--) {
      LiteOperator op = graph.operators().get(i);
      if (op.outputs().stream().anyMatch(needed::contains)) {
        kept.add(0, op);
        needed.addAll(op.inputs());
      }
    }
    return kept;
  }

  /** The file's tensors and buffers with only these operators, inputs and outputs. */
  private static Path write(
      LiteModel model,
      List<LiteOperator> operators,
      List<Integer> inputs,
      List<Integer> outputs,
      Path dir,
      String kind)
      throws Exception {
    LiteSubgraph graph = model.mainSubgraph();
    LiteSubgraph cut = new LiteSubgraph(graph.name(), graph.tensors(), inputs, outputs, operators);
    LiteModel part =
        new LiteModel(
            model.version(),
            model.description(),
            model.operatorCodes(),
            List.of(cut),
            model.buffers(),
            List.of(),
            List.of());
    Path file = Files.createTempFile(dir, kind, ".tflite");
    TfliteWriter.write(part, file);
    return file;
  }

  private static byte[] oracle(Path file, byte[] inputSets) throws Exception {
    TflmOracle.Result result = TflmOracle.require().run(file, inputSets);
    if (!result.ok()) {
      throw new IllegalStateException("tflm_oracle refused " + file + ": " + result.error());
    }
    return result.outputs();
  }

  /** Each input's sets, one set of every input after another, as the oracle reads them. */
  private static byte[] interleave(List<byte[]> inputs, int sets) {
    int setSize = inputs.stream().mapToInt(b -> b.length / sets).sum();
    ByteBuffer all = ByteBuffer.allocate(setSize * sets);
    for (int s = 0; s < sets; s++) {
      for (byte[] input : inputs) {
        int size = input.length / sets;
        all.put(input, s * size, size);
      }
    }
    return all.array();
  }

  /** TensorFlow Lite 2.6.2 on one set at a time, as a device runs (batch 1); one output. */
  private static byte[] tensorFlowLite(Path file, List<byte[]> inputs, int sets) {
    try (Interpreter interpreter = new Interpreter(file.toFile())) {
      interpreter.allocateTensors();
      int outSize = interpreter.getOutputTensor(0).numBytes();
      byte[] all = new byte[outSize * sets];
      Object[] in = new Object[inputs.size()];
      for (int s = 0; s < sets; s++) {
        for (int i = 0; i < in.length; i++) {
          int size = inputs.get(i).length / sets;
          ByteBuffer b = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
          b.put(inputs.get(i), s * size, size).rewind();
          in[i] = b;
        }
        ByteBuffer out = ByteBuffer.allocateDirect(outSize).order(ByteOrder.nativeOrder());
        interpreter.runForMultipleInputsOutputs(in, Map.of(0, out));
        out.rewind();
        out.get(all, s * outSize, outSize);
      }
      return all;
    }
  }

  /** The last operator of that kind, or an error naming what the file has. */
  public static OpAgreement last(List<OpAgreement> agreements, String op) {
    return agreements.stream()
        .filter(a -> a.op().equals(op))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no " + op + " among " + agreements));
  }

  /** The bytes of float rows, as a float input stores them. */
  public static byte[] floats(float[][] rows) {
    ByteBuffer b =
        ByteBuffer.allocate(rows.length * rows[0].length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float[] row : rows) {
      for (float v : row) {
        b.putFloat(v);
      }
    }
    return b.array();
  }
}
