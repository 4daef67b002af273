package io.edgeinfer.lite.format;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles a {@link LiteModel} without index bookkeeping: buffers, operator codes and tensors are
 * added and their indices handed back. Buffer 0 is the empty sentinel the format expects; equal
 * operator codes are shared. For the quantizer and for tests.
 *
 * <pre>{@code
 * LiteModelBuilder model = new LiteModelBuilder();
 * LiteModelBuilder.Graph g = model.graph("main");
 * int x = g.tensor("x", DataType.FLOAT32, -1, 4);
 * int w = g.constant("w", DataType.FLOAT32, Shape.of(2, 4), LiteBuffer.ofFloats(...));
 * int y = g.tensor("y", DataType.FLOAT32, -1, 2);
 * g.operator(BuiltinOperator.FULLY_CONNECTED, new OperatorOptions.FullyConnected(Activation.NONE),
 *     new int[] {x, w, LiteOperator.OMITTED}, y);
 * g.inputs(x).outputs(y);
 * model.signature("serving_default", g, Map.of("x", x), Map.of("y", y));
 * LiteModel built = model.build();
 * }</pre>
 */
public final class LiteModelBuilder {
  private final List<LiteBuffer> buffers = new ArrayList<>(List.of(LiteBuffer.EMPTY));
  private final List<LiteOpCode> operatorCodes = new ArrayList<>();
  private final List<Graph> graphs = new ArrayList<>();
  private final List<LiteMetadata> metadata = new ArrayList<>();
  private final List<LiteSignature> signatures = new ArrayList<>();
  private String description = "";

  public LiteModelBuilder description(String text) {
    description = text;
    return this;
  }

  /** Adds a buffer and returns its index. */
  public int buffer(LiteBuffer data) {
    buffers.add(data);
    return buffers.size() - 1;
  }

  /** The index of this operator code, added on first use. */
  public int operatorCode(LiteOpCode code) {
    int index = operatorCodes.indexOf(code);
    if (index >= 0) {
      return index;
    }
    operatorCodes.add(code);
    return operatorCodes.size() - 1;
  }

  /** Starts a subgraph; the first one started is subgraph 0, the model. */
  public Graph graph(String name) {
    Graph graph = new Graph(name, graphs.size());
    graphs.add(graph);
    return graph;
  }

  /** Adds a metadata entry with its bytes in a new buffer. */
  public LiteModelBuilder metadata(String name, LiteBuffer data) {
    metadata.add(new LiteMetadata(name, buffer(data)));
    return this;
  }

  /** Adds a signature; the maps' iteration order is the order of the inputs and outputs. */
  public LiteModelBuilder signature(
      String key, Graph graph, Map<String, Integer> inputs, Map<String, Integer> outputs) {
    signatures.add(new LiteSignature(key, graph.index, entries(inputs), entries(outputs)));
    return this;
  }

  private static List<SignatureTensor> entries(Map<String, Integer> map) {
    List<SignatureTensor> out = new ArrayList<>();
    new LinkedHashMap<>(map).forEach((name, index) -> out.add(new SignatureTensor(name, index)));
    return out;
  }

  /**
   * The model, checked.
   *
   * @throws IllegalArgumentException naming the first inconsistency
   */
  public LiteModel build() {
    List<LiteSubgraph> subgraphs = new ArrayList<>();
    for (Graph graph : graphs) {
      subgraphs.add(
          new LiteSubgraph(
              graph.name, graph.tensors, graph.inputs, graph.outputs, graph.operators));
    }
    return new LiteModel(
        LiteModel.SCHEMA_VERSION,
        description,
        operatorCodes,
        subgraphs,
        buffers,
        metadata,
        signatures);
  }

  /** One subgraph being built. */
  public final class Graph {
    private final String name;
    private final int index;
    private final List<LiteTensor> tensors = new ArrayList<>();
    private final List<LiteOperator> operators = new ArrayList<>();
    private List<Integer> inputs = List.of();
    private List<Integer> outputs = List.of();

    private Graph(String name, int index) {
      this.name = name;
      this.index = index;
    }

    /** Its index among the model's subgraphs. */
    public int index() {
      return index;
    }

    /** Adds a tensor and returns its index. */
    public int tensor(LiteTensor tensor) {
      tensors.add(tensor);
      return tensors.size() - 1;
    }

    /**
     * Adds a tensor computed at run time; {@code -1} dimensions become 1 in the shape and stay
     * {@code -1} in the shape signature, as the converter writes them.
     */
    public int tensor(String tensorName, DataType type, int... dims) {
      return tensor(tensorName, type, QuantParams.NONE, dims);
    }

    /** Adds a quantized tensor computed at run time. */
    public int tensor(String tensorName, DataType type, QuantParams quantization, int... dims) {
      int[] fixed = dims.clone();
      for (int i = 0; i < fixed.length; i++) {
        fixed[i] = fixed[i] == Shape.UNKNOWN ? 1 : fixed[i];
      }
      return tensor(
          new LiteTensor(
              tensorName, type, Shape.of(fixed), Shape.of(dims), 0, quantization, false));
    }

    /** Adds a constant tensor with its values in a new buffer. */
    public int constant(String tensorName, DataType type, Shape shape, LiteBuffer data) {
      return constant(tensorName, type, shape, data, QuantParams.NONE);
    }

    /** Adds a quantized constant tensor with its values in a new buffer. */
    public int constant(
        String tensorName, DataType type, Shape shape, LiteBuffer data, QuantParams quantization) {
      return tensor(
          new LiteTensor(tensorName, type, shape, shape, buffer(data), quantization, false));
    }

    /** Adds an operator at the end of the execution order. */
    public Graph operator(
        BuiltinOperator op, OperatorOptions options, int[] opInputs, int... opOutputs) {
      return operator(LiteOpCode.of(op), options, opInputs, opOutputs);
    }

    public Graph operator(
        LiteOpCode code, OperatorOptions options, int[] opInputs, int... opOutputs) {
      operators.add(
          new LiteOperator(
              operatorCode(code), Lists.ints(opInputs), Lists.ints(opOutputs), options));
      return this;
    }

    public Graph inputs(int... tensorIndices) {
      inputs = Lists.ints(tensorIndices);
      return this;
    }

    public Graph outputs(int... tensorIndices) {
      outputs = Lists.ints(tensorIndices);
      return this;
    }
  }
}
