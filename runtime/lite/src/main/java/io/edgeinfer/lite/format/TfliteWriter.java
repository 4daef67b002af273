package io.edgeinfer.lite.format;

import com.google.flatbuffers.FlatBufferBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link LiteModel} as a standard .tflite file, for TensorFlow Lite's own interpreter as
 * much as for ours: file identifier {@code TFL3}, buffer data aligned to 16 bytes, operator codes
 * in both the old one-byte field and the 32-bit one, empty tables left out.
 */
public final class TfliteWriter {
  private TfliteWriter() {}

  /**
   * The file's bytes.
   *
   * @throws IllegalArgumentException if an operator has {@link OperatorOptions.Other} options,
   *     whose table edgeinfer cannot write
   */
  public static byte[] toBytes(LiteModel model) {
    return build(model).sizedByteArray();
  }

  /** Writes the file through a temporary sibling and a rename, so no half-written model is seen. */
  public static void write(LiteModel model, Path file) throws IOException {
    write(model, Map.of(), file);
  }

  /**
   * Writes the file with associated files (labels, named in its {@link TfliteMetadata}) packed in a
   * zip after the model, as TFLite's metadata writer does ({@link AppendedZip}); none, no zip.
   */
  public static void write(LiteModel model, Map<String, byte[]> packedFiles, Path file)
      throws IOException {
    ByteBuffer bytes = build(model).dataBuffer(); // the finished bytes, without another copy
    ByteBuffer zip =
        ByteBuffer.wrap(
            packedFiles.isEmpty() ? new byte[0] : AppendedZip.of(bytes.remaining(), packedFiles));
    Path absolute = file.toAbsolutePath();
    Path temp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
    try (FileChannel channel =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      while (zip.hasRemaining()) {
        channel.write(zip);
      }
    }
    try {
      Files.move(
          temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  private static FlatBufferBuilder build(LiteModel model) {
    long dataBytes = 0;
    for (LiteBuffer buffer : model.buffers()) {
      dataBytes += buffer.size() + Schema.Buffer.DATA_ALIGNMENT;
    }
    if (dataBytes > Integer.MAX_VALUE - (1 << 20)) {
      throw new IllegalArgumentException(
          "expected a model under 2 GB, found "
              + Where.bytes(dataBytes)
              + " bytes of buffers (flatbuffers cannot hold more)");
    }
    FlatBufferBuilder b = new FlatBufferBuilder((int) Math.max(1024, dataBytes + 65_536));
    b.finish(model(b, model), Schema.FILE_IDENTIFIER);
    return b;
  }

  private static int model(FlatBufferBuilder b, LiteModel model) {
    // Buffers first: they are the bulk, and the builder writes back to front, so they end up last
    // in the file, after the small tables.
    int buffers = tables(b, model.buffers(), TfliteWriter::buffer);
    int codes = tables(b, model.operatorCodes(), TfliteWriter::opCode);
    int subgraphs = tables(b, model.subgraphs(), TfliteWriter::subgraph);
    int description = b.createString(model.description());
    int metadata = tables(b, model.metadata(), TfliteWriter::metadata);
    int signatures = tables(b, model.signatures(), TfliteWriter::signature);
    b.startTable(Schema.Model.FIELDS);
    b.addInt(Schema.Model.VERSION, model.version(), 0);
    b.addOffset(Schema.Model.OPERATOR_CODES, codes, 0);
    b.addOffset(Schema.Model.SUBGRAPHS, subgraphs, 0);
    b.addOffset(Schema.Model.DESCRIPTION, description, 0);
    b.addOffset(Schema.Model.BUFFERS, buffers, 0);
    b.addOffset(Schema.Model.METADATA, metadata, 0);
    b.addOffset(Schema.Model.SIGNATURE_DEFS, signatures, 0);
    return b.endTable();
  }

  private interface TableWriter<T> {
    int write(FlatBufferBuilder b, T value);
  }

  private static <T> int tables(FlatBufferBuilder b, List<T> values, TableWriter<T> writer) {
    int[] offsets = new int[values.size()];
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = writer.write(b, values.get(i));
    }
    return Vectors.tables(b, offsets);
  }

  private static int buffer(FlatBufferBuilder b, LiteBuffer buffer) {
    // An empty buffer is an empty table, as the converter writes buffer 0.
    int data =
        buffer.isEmpty() ? 0 : Vectors.alignedBytes(b, buffer.data(), Schema.Buffer.DATA_ALIGNMENT);
    b.startTable(Schema.Buffer.FIELDS);
    b.addOffset(Schema.Buffer.DATA, data, 0);
    return b.endTable();
  }

  private static int opCode(FlatBufferBuilder b, LiteOpCode code) {
    int custom = code.customCode().isEmpty() ? 0 : b.createString(code.customCode());
    b.startTable(Schema.OperatorCode.FIELDS);
    // Readers that predate the 32-bit field only see the byte; codes that do not fit it say so
    // with the placeholder 127, and readers then take the larger of the two.
    int deprecated = Math.min(code.builtinCode(), BuiltinOperator.FIRST_EXTENDED_CODE);
    b.addByte(Schema.OperatorCode.DEPRECATED_BUILTIN_CODE, (byte) deprecated, 0);
    b.addOffset(Schema.OperatorCode.CUSTOM_CODE, custom, 0);
    b.addInt(Schema.OperatorCode.VERSION, code.version(), 1);
    b.addInt(Schema.OperatorCode.BUILTIN_CODE, code.builtinCode(), 0);
    return b.endTable();
  }

  private static int subgraph(FlatBufferBuilder b, LiteSubgraph subgraph) {
    int tensors = tables(b, subgraph.tensors(), TfliteWriter::tensor);
    int inputs = Vectors.ints(b, subgraph.inputs());
    int outputs = Vectors.ints(b, subgraph.outputs());
    int operators = tables(b, subgraph.operators(), TfliteWriter::operator);
    int name = b.createString(subgraph.name());
    b.startTable(Schema.SubGraph.FIELDS);
    b.addOffset(Schema.SubGraph.TENSORS, tensors, 0);
    b.addOffset(Schema.SubGraph.INPUTS, inputs, 0);
    b.addOffset(Schema.SubGraph.OUTPUTS, outputs, 0);
    b.addOffset(Schema.SubGraph.OPERATORS, operators, 0);
    b.addOffset(Schema.SubGraph.NAME, name, 0);
    return b.endTable();
  }

  private static int tensor(FlatBufferBuilder b, LiteTensor tensor) {
    int shape = Vectors.ints(b, tensor.shape().dims());
    int name = b.createString(tensor.name());
    int quantization = tensor.quantization().isEmpty() ? 0 : quantization(b, tensor.quantization());
    // The signature is only worth its bytes when it says something the shape does not.
    int signature =
        tensor.shapeSignature().equals(tensor.shape())
            ? 0
            : Vectors.ints(b, tensor.shapeSignature().dims());
    b.startTable(Schema.Tensor.FIELDS);
    b.addOffset(Schema.Tensor.SHAPE, shape, 0);
    b.addByte(Schema.Tensor.TYPE, (byte) TensorTypes.toCode(tensor.type()), 0);
    b.addInt(Schema.Tensor.BUFFER, tensor.buffer(), 0);
    b.addOffset(Schema.Tensor.NAME, name, 0);
    b.addOffset(Schema.Tensor.QUANTIZATION, quantization, 0);
    b.addBoolean(Schema.Tensor.IS_VARIABLE, tensor.variable(), false);
    b.addOffset(Schema.Tensor.SHAPE_SIGNATURE, signature, 0);
    // A rank-0 shape means a scalar, not an unknown rank.
    b.addBoolean(Schema.Tensor.HAS_RANK, true, false);
    return b.endTable();
  }

  private static int quantization(FlatBufferBuilder b, QuantParams q) {
    int min = q.min().isEmpty() ? 0 : Vectors.floats(b, q.min());
    int max = q.max().isEmpty() ? 0 : Vectors.floats(b, q.max());
    int scale = q.scale().isEmpty() ? 0 : Vectors.floats(b, q.scale());
    int zeroPoint = q.zeroPoint().isEmpty() ? 0 : Vectors.longs(b, q.zeroPoint());
    b.startTable(Schema.Quantization.FIELDS);
    b.addOffset(Schema.Quantization.MIN, min, 0);
    b.addOffset(Schema.Quantization.MAX, max, 0);
    b.addOffset(Schema.Quantization.SCALE, scale, 0);
    b.addOffset(Schema.Quantization.ZERO_POINT, zeroPoint, 0);
    b.addInt(Schema.Quantization.QUANTIZED_DIMENSION, q.quantizedDimension(), 0);
    return b.endTable();
  }

  private static int operator(FlatBufferBuilder b, LiteOperator op) {
    int inputs = Vectors.ints(b, op.inputs());
    int outputs = Vectors.ints(b, op.outputs());
    OptionsCodec.Encoded options = OptionsCodec.encode(b, op.options());
    b.startTable(Schema.Operator.FIELDS);
    b.addInt(Schema.Operator.OPCODE_INDEX, op.opcodeIndex(), 0);
    b.addOffset(Schema.Operator.INPUTS, inputs, 0);
    b.addOffset(Schema.Operator.OUTPUTS, outputs, 0);
    b.addByte(Schema.Operator.BUILTIN_OPTIONS_TYPE, (byte) options.type(), 0);
    b.addOffset(Schema.Operator.BUILTIN_OPTIONS, options.offset(), 0);
    return b.endTable();
  }

  private static int metadata(FlatBufferBuilder b, LiteMetadata entry) {
    int name = b.createString(entry.name());
    b.startTable(Schema.Metadata.FIELDS);
    b.addOffset(Schema.Metadata.NAME, name, 0);
    b.addInt(Schema.Metadata.BUFFER, entry.buffer(), 0);
    return b.endTable();
  }

  private static int signature(FlatBufferBuilder b, LiteSignature signature) {
    int inputs = tables(b, signature.inputs(), TfliteWriter::tensorMap);
    int outputs = tables(b, signature.outputs(), TfliteWriter::tensorMap);
    int key = b.createString(signature.key());
    b.startTable(Schema.SignatureDef.FIELDS);
    b.addOffset(Schema.SignatureDef.INPUTS, inputs, 0);
    b.addOffset(Schema.SignatureDef.OUTPUTS, outputs, 0);
    b.addOffset(Schema.SignatureDef.SIGNATURE_KEY, key, 0);
    b.addInt(Schema.SignatureDef.SUBGRAPH_INDEX, signature.subgraphIndex(), 0);
    return b.endTable();
  }

  private static int tensorMap(FlatBufferBuilder b, SignatureTensor entry) {
    int name = b.createString(entry.name());
    b.startTable(Schema.TensorMap.FIELDS);
    b.addOffset(Schema.TensorMap.NAME, name, 0);
    b.addInt(Schema.TensorMap.TENSOR_INDEX, entry.tensorIndex(), 0);
    return b.endTable();
  }
}
