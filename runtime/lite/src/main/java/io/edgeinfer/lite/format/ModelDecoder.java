package io.edgeinfer.lite.format;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.MalformedModelException;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.UnsupportedModelException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns a verified .tflite buffer into {@link LiteModel} records. Values the format does not
 * define, and records that refuse their values, make a {@link MalformedModelException} naming the
 * place; things the format defines but edgeinfer cannot hold (int16 or string tensors, sparse
 * tensors, data stored outside the flatbuffer, another schema version) are gathered and refused
 * together in one {@link UnsupportedModelException}.
 */
final class ModelDecoder {
  private final ByteBuffer bb;
  private final List<String> unsupported = new ArrayList<>();

  private ModelDecoder(ByteBuffer bb) {
    this.bb = bb;
  }

  /** {@code bb} must have passed {@link TfliteVerifier} and start at position 0. */
  static LiteModel decode(ByteBuffer bb) throws MalformedModelException, UnsupportedModelException {
    return new ModelDecoder(bb).model();
  }

  private LiteModel model() throws MalformedModelException, UnsupportedModelException {
    FlatTable m = FlatTable.root(bb);
    ModelSizeLimits.check(m, bb.limit());
    long version = m.uint32(Schema.Model.VERSION);
    if (version != LiteModel.SCHEMA_VERSION) {
      unsupported.add(
          "schema version "
              + version
              + " (edgeinfer reads version "
              + LiteModel.SCHEMA_VERSION
              + ", what converters have written since 2018)");
    }
    Where root = Where.ROOT;
    List<LiteOpCode> codes = new ArrayList<>();
    for (int i = 0; i < m.length(Schema.Model.OPERATOR_CODES); i++) {
      codes.add(
          opCode(m.element(Schema.Model.OPERATOR_CODES, i), root.element("operator_codes", i)));
    }
    List<LiteBuffer> buffers = new ArrayList<>();
    for (int i = 0; i < m.length(Schema.Model.BUFFERS); i++) {
      buffers.add(buffer(m.element(Schema.Model.BUFFERS, i), i));
    }
    List<LiteSubgraph> subgraphs = new ArrayList<>();
    for (int i = 0; i < m.length(Schema.Model.SUBGRAPHS); i++) {
      subgraphs.add(subgraph(m.element(Schema.Model.SUBGRAPHS, i), root.element("subgraphs", i)));
    }
    List<LiteMetadata> metadata = new ArrayList<>();
    for (int i = 0; i < m.length(Schema.Model.METADATA); i++) {
      FlatTable t = m.element(Schema.Model.METADATA, i);
      metadata.add(
          make(
              root.element("metadata", i),
              () ->
                  new LiteMetadata(
                      t.string(Schema.Metadata.NAME), (int) t.uint32(Schema.Metadata.BUFFER))));
    }
    List<LiteSignature> signatures = new ArrayList<>();
    for (int i = 0; i < m.length(Schema.Model.SIGNATURE_DEFS); i++) {
      signatures.add(
          signature(m.element(Schema.Model.SIGNATURE_DEFS, i), root.element("signature_defs", i)));
    }
    if (!unsupported.isEmpty()) {
      throw new UnsupportedModelException(
          "the model uses what edgeinfer's lite engine cannot read", unsupported);
    }
    String description = m.string(Schema.Model.DESCRIPTION);
    return make(
        root,
        () ->
            new LiteModel(
                (int) version, description, codes, subgraphs, buffers, metadata, signatures));
  }

  private LiteOpCode opCode(FlatTable t, Where where) throws MalformedModelException {
    // Old files have only the byte; new ones have both, the byte saying 127 ("see the int") for
    // codes that do not fit. The larger of the two is the code either way.
    int deprecated = t.int8(Schema.OperatorCode.DEPRECATED_BUILTIN_CODE, (byte) 0);
    int extended = t.int32(Schema.OperatorCode.BUILTIN_CODE, 0);
    if (deprecated < 0 || extended < 0) {
      throw new MalformedModelException(
          where
              + ": expected builtin codes >= 0, found deprecated_builtin_code "
              + deprecated
              + " and builtin_code "
              + extended);
    }
    int code = Math.max(deprecated, extended);
    return make(
        where,
        () ->
            new LiteOpCode(
                code,
                t.string(Schema.OperatorCode.CUSTOM_CODE),
                t.int32(Schema.OperatorCode.VERSION, 1)));
  }

  private LiteBuffer buffer(FlatTable t, int index) {
    long offset = t.int64(Schema.Buffer.OFFSET, 0);
    if (offset > 1 || offset < 0) {
      // Only offsets above 1 mean "outside"; 0 and 1 are how writers say "not used".
      unsupported.add(
          "buffer "
              + index
              + " keeps its "
              + Where.bytes(t.int64(Schema.Buffer.SIZE, 0))
              + " bytes outside the flatbuffer at offset "
              + Long.toUnsignedString(offset)
              + " (the layout of models over 2 GB; edgeinfer reads models whose data is inside)");
      return LiteBuffer.EMPTY;
    }
    return new LiteBuffer(t.bytes(Schema.Buffer.DATA));
  }

  private LiteSubgraph subgraph(FlatTable t, Where where) throws MalformedModelException {
    List<LiteTensor> tensors = new ArrayList<>();
    for (int i = 0; i < t.length(Schema.SubGraph.TENSORS); i++) {
      LiteTensor tensor =
          tensor(t.element(Schema.SubGraph.TENSORS, i), where.element("tensors", i));
      if (tensor != null) {
        tensors.add(tensor);
      }
    }
    List<LiteOperator> operators = new ArrayList<>();
    for (int i = 0; i < t.length(Schema.SubGraph.OPERATORS); i++) {
      operators.add(
          operator(t.element(Schema.SubGraph.OPERATORS, i), where.element("operators", i)));
    }
    if (!unsupported.isEmpty()) {
      // Tensors were left out, so indices no longer line up; the refusal comes first anyway.
      return null;
    }
    return make(
        where,
        () ->
            new LiteSubgraph(
                t.string(Schema.SubGraph.NAME),
                tensors,
                Lists.ints(t.int32s(Schema.SubGraph.INPUTS)),
                Lists.ints(t.int32s(Schema.SubGraph.OUTPUTS)),
                operators));
  }

  /** The tensor, or null when edgeinfer cannot hold it (then it is listed as unsupported). */
  private LiteTensor tensor(FlatTable t, Where where) throws MalformedModelException {
    String name = t.string(Schema.Tensor.NAME);
    int code = t.int8(Schema.Tensor.TYPE, (byte) 0);
    if (!TensorTypes.isKnown(code)) {
      throw new MalformedModelException(
          where
              + " '"
              + name
              + "': expected a tensor type 0 to "
              + (TensorTypes.knownCount() - 1)
              + ", found "
              + code);
    }
    DataType type = TensorTypes.toDataType(code);
    boolean ok = true;
    if (type == null) {
      unsupported.add(TensorTypes.whyUnsupported(code) + ": tensor '" + name + "' (" + where + ")");
      ok = false;
    }
    if (t.has(Schema.Tensor.SPARSITY)) {
      unsupported.add("sparse tensors: tensor '" + name + "' (" + where + ")");
      ok = false;
    }
    FlatTable q = t.table(Schema.Tensor.QUANTIZATION);
    if (q.uint8(Schema.Quantization.DETAILS_TYPE) != 0) {
      unsupported.add("custom quantization: tensor '" + name + "' (" + where + ")");
      ok = false;
    }
    if (!ok) {
      return null;
    }
    int[] dims = t.int32s(Schema.Tensor.SHAPE);
    int[] signatureDims =
        t.has(Schema.Tensor.SHAPE_SIGNATURE) ? t.int32s(Schema.Tensor.SHAPE_SIGNATURE) : dims;
    return make(
        where,
        () -> {
          Shape shape = Shape.of(dims);
          return new LiteTensor(
              name,
              type,
              shape,
              Shape.of(signatureDims),
              (int) t.uint32(Schema.Tensor.BUFFER),
              quantization(q),
              t.bool(Schema.Tensor.IS_VARIABLE, false));
        });
  }

  private static QuantParams quantization(FlatTable q) {
    if (!q.isPresent()) {
      return QuantParams.NONE;
    }
    // The converter writes an empty table for float tensors: that equals NONE.
    return new QuantParams(
        Lists.floats(q.float32s(Schema.Quantization.MIN)),
        Lists.floats(q.float32s(Schema.Quantization.MAX)),
        Lists.floats(q.float32s(Schema.Quantization.SCALE)),
        Lists.longs(q.int64s(Schema.Quantization.ZERO_POINT)),
        q.int32(Schema.Quantization.QUANTIZED_DIMENSION, 0));
  }

  private LiteOperator operator(FlatTable t, Where where) throws MalformedModelException {
    int type = t.uint8(Schema.Operator.BUILTIN_OPTIONS_TYPE);
    // The verifier follows a union's value only when its type says there is one; so must we.
    FlatTable options =
        type == Schema.Options.NONE ? FlatTable.absent() : t.table(Schema.Operator.BUILTIN_OPTIONS);
    return make(
        where,
        () ->
            new LiteOperator(
                (int) t.uint32(Schema.Operator.OPCODE_INDEX),
                Lists.ints(t.int32s(Schema.Operator.INPUTS)),
                Lists.ints(t.int32s(Schema.Operator.OUTPUTS)),
                OptionsCodec.decode(type, options),
                t.bytes(Schema.Operator.CUSTOM_OPTIONS)));
  }

  private LiteSignature signature(FlatTable t, Where where) throws MalformedModelException {
    List<SignatureTensor> inputs = new ArrayList<>();
    for (int i = 0; i < t.length(Schema.SignatureDef.INPUTS); i++) {
      inputs.add(tensorMap(t.element(Schema.SignatureDef.INPUTS, i), where.element("inputs", i)));
    }
    List<SignatureTensor> outputs = new ArrayList<>();
    for (int i = 0; i < t.length(Schema.SignatureDef.OUTPUTS); i++) {
      outputs.add(
          tensorMap(t.element(Schema.SignatureDef.OUTPUTS, i), where.element("outputs", i)));
    }
    return make(
        where,
        () ->
            new LiteSignature(
                t.string(Schema.SignatureDef.SIGNATURE_KEY),
                (int) t.uint32(Schema.SignatureDef.SUBGRAPH_INDEX),
                inputs,
                outputs));
  }

  private static SignatureTensor tensorMap(FlatTable t, Where where)
      throws MalformedModelException {
    return make(
        where,
        () ->
            new SignatureTensor(
                t.string(Schema.TensorMap.NAME), (int) t.uint32(Schema.TensorMap.TENSOR_INDEX)));
  }

  /** Makes a record; its refusal of a value becomes a malformed-file error at this place. */
  private static <T> T make(Where where, Supplier<T> maker) throws MalformedModelException {
    try {
      return maker.get();
    } catch (IllegalArgumentException e) {
      String place = where == Where.ROOT ? "" : where + ": ";
      throw new MalformedModelException(place + e.getMessage(), e);
    }
  }
}
