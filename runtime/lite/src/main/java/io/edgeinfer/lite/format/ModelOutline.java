package io.edgeinfer.lite.format;

import io.edgeinfer.core.MalformedModelException;
import io.edgeinfer.core.ModelException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a .tflite file declares, for describing it: read from the verified flatbuffer without
 * refusing what the engine cannot hold (int16 or complex tensors, unknown operators), so that a
 * file {@link TfliteFile#open} refuses can still be shown. Types are the schema's names.
 *
 * @param metadata the named metadata buffers (e.g. {@code min_runtime_version}, {@code
 *     TFLITE_METADATA}), as read-only views
 */
public record ModelOutline(
    int version,
    String description,
    List<LiteOpCode> opCodes,
    List<Graph> subgraphs,
    List<LiteSignature> signatures,
    Map<String, ByteBuffer> metadata) {

  /** A subgraph's tensors and operators. */
  public record Graph(
      String name,
      List<Tensor> tensors,
      List<Integer> inputs,
      List<Integer> outputs,
      List<Operator> operators) {}

  /** A tensor: its schema type name ({@code FLOAT32}, {@code COMPLEX64}), shape and name. */
  public record Tensor(String name, String type, List<Integer> shape, boolean constant) {}

  /** An operator: which op code it uses and which tensors it reads and writes. */
  public record Operator(int opCode, List<Integer> inputs, List<Integer> outputs) {}

  /** Reads a file, memory-mapped as {@link TfliteFile#open} maps it. */
  public static ModelOutline read(Path file) throws ModelException {
    ByteBuffer mapped;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      if (channel.size() > Integer.MAX_VALUE) {
        throw new ModelException(
            "cannot describe " + file + ": expected a file under 2 GB, found " + channel.size());
      }
      mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
    } catch (IOException e) {
      throw new ModelException("cannot read " + file + ": " + e, e);
    }
    try {
      return read(mapped);
    } catch (MalformedModelException e) {
      throw new MalformedModelException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads the bytes from the buffer's position to its limit.
   *
   * @throws MalformedModelException when they are not a sound .tflite flatbuffer
   */
  public static ModelOutline read(ByteBuffer bytes) throws MalformedModelException {
    ByteBuffer bb = bytes.slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    TfliteVerifier.verify(bb);
    try {
      return outline(bb);
    } catch (IllegalArgumentException e) {
      throw new MalformedModelException(
          "expected a consistent .tflite model: " + e.getMessage(), e);
    }
  }

  private static ModelOutline outline(ByteBuffer bb) {
    FlatTable m = FlatTable.root(bb);
    List<LiteOpCode> codes = new ArrayList<>();
    for (int i = 0; i < m.length(Schema.Model.OPERATOR_CODES); i++) {
      FlatTable t = m.element(Schema.Model.OPERATOR_CODES, i);
      int code =
          Math.max(
              t.int8(Schema.OperatorCode.DEPRECATED_BUILTIN_CODE, (byte) 0),
              t.int32(Schema.OperatorCode.BUILTIN_CODE, 0));
      codes.add(
          new LiteOpCode(
              Math.max(0, code),
              t.string(Schema.OperatorCode.CUSTOM_CODE),
              Math.max(1, t.int32(Schema.OperatorCode.VERSION, 1))));
    }
    List<ByteBuffer> buffers = new ArrayList<>();
    for (int i = 0; i < m.length(Schema.Model.BUFFERS); i++) {
      buffers.add(m.element(Schema.Model.BUFFERS, i).bytes(Schema.Buffer.DATA));
    }
    List<Graph> graphs = new ArrayList<>();
    for (int i = 0; i < m.length(Schema.Model.SUBGRAPHS); i++) {
      graphs.add(graph(m.element(Schema.Model.SUBGRAPHS, i), buffers));
    }
    Map<String, ByteBuffer> metadata = new LinkedHashMap<>();
    for (int i = 0; i < m.length(Schema.Model.METADATA); i++) {
      FlatTable t = m.element(Schema.Model.METADATA, i);
      long buffer = t.uint32(Schema.Metadata.BUFFER);
      if (buffer < buffers.size()) {
        metadata.putIfAbsent(t.string(Schema.Metadata.NAME), buffers.get((int) buffer));
      }
    }
    List<LiteSignature> signatures = new ArrayList<>();
    for (int i = 0; i < m.length(Schema.Model.SIGNATURE_DEFS); i++) {
      FlatTable t = m.element(Schema.Model.SIGNATURE_DEFS, i);
      signatures.add(
          new LiteSignature(
              t.string(Schema.SignatureDef.SIGNATURE_KEY),
              (int) t.uint32(Schema.SignatureDef.SUBGRAPH_INDEX),
              tensorMaps(t, Schema.SignatureDef.INPUTS),
              tensorMaps(t, Schema.SignatureDef.OUTPUTS)));
    }
    return new ModelOutline(
        (int) m.uint32(Schema.Model.VERSION),
        m.string(Schema.Model.DESCRIPTION),
        List.copyOf(codes),
        List.copyOf(graphs),
        List.copyOf(signatures),
        metadata);
  }

  private static Graph graph(FlatTable t, List<ByteBuffer> buffers) {
    List<Tensor> tensors = new ArrayList<>();
    for (int i = 0; i < t.length(Schema.SubGraph.TENSORS); i++) {
      FlatTable tensor = t.element(Schema.SubGraph.TENSORS, i);
      int code = tensor.uint8(Schema.Tensor.TYPE);
      long buffer = tensor.uint32(Schema.Tensor.BUFFER);
      tensors.add(
          new Tensor(
              tensor.string(Schema.Tensor.NAME),
              TensorTypes.isKnown(code) ? TensorTypes.name(code) : "type " + code,
              Lists.ints(tensor.int32s(Schema.Tensor.SHAPE)),
              buffer > 0 && buffer < buffers.size() && buffers.get((int) buffer).hasRemaining()));
    }
    List<Operator> operators = new ArrayList<>();
    for (int i = 0; i < t.length(Schema.SubGraph.OPERATORS); i++) {
      FlatTable op = t.element(Schema.SubGraph.OPERATORS, i);
      operators.add(
          new Operator(
              (int) op.uint32(Schema.Operator.OPCODE_INDEX),
              Lists.ints(op.int32s(Schema.Operator.INPUTS)),
              Lists.ints(op.int32s(Schema.Operator.OUTPUTS))));
    }
    return new Graph(
        t.string(Schema.SubGraph.NAME),
        List.copyOf(tensors),
        Lists.ints(t.int32s(Schema.SubGraph.INPUTS)),
        Lists.ints(t.int32s(Schema.SubGraph.OUTPUTS)),
        List.copyOf(operators));
  }

  private static List<SignatureTensor> tensorMaps(FlatTable t, int id) {
    List<SignatureTensor> maps = new ArrayList<>();
    for (int i = 0; i < t.length(id); i++) {
      FlatTable map = t.element(id, i);
      maps.add(
          new SignatureTensor(
              map.string(Schema.TensorMap.NAME), (int) map.uint32(Schema.TensorMap.TENSOR_INDEX)));
    }
    return maps;
  }

  /** The op code of an operator, or null when its index is out of range. */
  public LiteOpCode opCode(Operator op) {
    return op.opCode() >= 0 && op.opCode() < opCodes.size() ? opCodes.get(op.opCode()) : null;
  }
}
