package io.edgeinfer.lite.format;

import static io.edgeinfer.lite.format.TableLayout.scalar;
import static io.edgeinfer.lite.format.TableLayout.string;
import static io.edgeinfer.lite.format.TableLayout.table;
import static io.edgeinfer.lite.format.TableLayout.tables;
import static io.edgeinfer.lite.format.TableLayout.union;
import static io.edgeinfer.lite.format.TableLayout.vector;

/**
 * The shape of a .tflite file as the verifier walks it: every table of the schema that a model
 * reaches through the fields edgeinfer knows, leaves first. Fields edgeinfer never decodes
 * (sparsity, variant types, custom options, intermediates) are walked too, so that a file that
 * passes is sound as a whole, not only in the parts read today.
 */
final class Layouts {
  private Layouts() {}

  private static TableLayout indexVector(String name, int elementSize, String unit) {
    return TableLayout.of(name, vector(0, "values", elementSize, unit));
  }

  private static final TableLayout INT32_VECTOR = indexVector("Int32Vector", 4, "int32");
  private static final TableLayout UINT16_VECTOR = indexVector("Uint16Vector", 2, "uint16");
  private static final TableLayout UINT8_VECTOR = indexVector("Uint8Vector", 1, "uint8");

  private static TableLayout sparseIndex(int type) {
    return switch (type) {
      case Schema.DimensionMetadata.INT32_VECTOR -> INT32_VECTOR;
      case Schema.DimensionMetadata.UINT16_VECTOR -> UINT16_VECTOR;
      case Schema.DimensionMetadata.UINT8_VECTOR -> UINT8_VECTOR;
      default -> TableLayout.opaque("SparseIndexVector member " + type);
    };
  }

  private static final TableLayout DIMENSION_METADATA =
      TableLayout.of(
          "DimensionMetadata",
          scalar(Schema.DimensionMetadata.FORMAT, "format", 1),
          scalar(Schema.DimensionMetadata.DENSE_SIZE, "dense_size", 4),
          scalar(Schema.DimensionMetadata.ARRAY_SEGMENTS_TYPE, "array_segments_type", 1),
          union(
              Schema.DimensionMetadata.ARRAY_SEGMENTS_TYPE,
              Schema.DimensionMetadata.ARRAY_SEGMENTS,
              "array_segments",
              Layouts::sparseIndex),
          scalar(Schema.DimensionMetadata.ARRAY_INDICES_TYPE, "array_indices_type", 1),
          union(
              Schema.DimensionMetadata.ARRAY_INDICES_TYPE,
              Schema.DimensionMetadata.ARRAY_INDICES,
              "array_indices",
              Layouts::sparseIndex));

  private static final TableLayout SPARSITY =
      TableLayout.of(
          "SparsityParameters",
          vector(Schema.Sparsity.TRAVERSAL_ORDER, "traversal_order", 4, "int32"),
          vector(Schema.Sparsity.BLOCK_MAP, "block_map", 4, "int32"),
          tables(Schema.Sparsity.DIM_METADATA, "dim_metadata", DIMENSION_METADATA));

  private static final TableLayout CUSTOM_QUANTIZATION =
      TableLayout.of("CustomQuantization", vector(0, "custom", 1, "uint8"));

  static final TableLayout QUANTIZATION =
      TableLayout.of(
          "QuantizationParameters",
          vector(Schema.Quantization.MIN, "min", 4, "float32"),
          vector(Schema.Quantization.MAX, "max", 4, "float32"),
          vector(Schema.Quantization.SCALE, "scale", 4, "float32"),
          vector(Schema.Quantization.ZERO_POINT, "zero_point", 8, "int64"),
          scalar(Schema.Quantization.DETAILS_TYPE, "details_type", 1),
          union(
              Schema.Quantization.DETAILS_TYPE,
              Schema.Quantization.DETAILS,
              "details",
              type ->
                  type == Schema.Quantization.DETAILS_CUSTOM
                      ? CUSTOM_QUANTIZATION
                      : TableLayout.opaque("QuantizationDetails member " + type)),
          scalar(Schema.Quantization.QUANTIZED_DIMENSION, "quantized_dimension", 4));

  private static final TableLayout VARIANT_SUB_TYPE =
      TableLayout.of(
          "VariantSubType",
          vector(Schema.VariantSubType.SHAPE, "shape", 4, "int32"),
          scalar(Schema.VariantSubType.TYPE, "type", 1),
          scalar(Schema.VariantSubType.HAS_RANK, "has_rank", 1));

  static final TableLayout TENSOR =
      TableLayout.of(
          "Tensor",
          vector(Schema.Tensor.SHAPE, "shape", 4, "int32"),
          scalar(Schema.Tensor.TYPE, "type", 1),
          scalar(Schema.Tensor.BUFFER, "buffer", 4),
          string(Schema.Tensor.NAME, "name"),
          table(Schema.Tensor.QUANTIZATION, "quantization", QUANTIZATION),
          scalar(Schema.Tensor.IS_VARIABLE, "is_variable", 1),
          table(Schema.Tensor.SPARSITY, "sparsity", SPARSITY),
          vector(Schema.Tensor.SHAPE_SIGNATURE, "shape_signature", 4, "int32"),
          scalar(Schema.Tensor.HAS_RANK, "has_rank", 1),
          tables(Schema.Tensor.VARIANT_TENSORS, "variant_tensors", VARIANT_SUB_TYPE));

  /**
   * The layout of a {@code BuiltinOptions} member, from its table in {@link OptionsTables}; members
   * edgeinfer does not decode are opaque.
   */
  static TableLayout builtinOptions(int type) {
    return OptionsTables.byMember(type)
        .map(OptionsTable::layout)
        .orElseGet(() -> TableLayout.opaque("BuiltinOptions member " + type));
  }

  static final TableLayout OPERATOR =
      TableLayout.of(
          "Operator",
          scalar(Schema.Operator.OPCODE_INDEX, "opcode_index", 4),
          vector(Schema.Operator.INPUTS, "inputs", 4, "int32"),
          vector(Schema.Operator.OUTPUTS, "outputs", 4, "int32"),
          scalar(Schema.Operator.BUILTIN_OPTIONS_TYPE, "builtin_options_type", 1),
          union(
              Schema.Operator.BUILTIN_OPTIONS_TYPE,
              Schema.Operator.BUILTIN_OPTIONS,
              "builtin_options",
              Layouts::builtinOptions),
          vector(Schema.Operator.CUSTOM_OPTIONS, "custom_options", 1, "uint8"),
          scalar(Schema.Operator.CUSTOM_OPTIONS_FORMAT, "custom_options_format", 1),
          vector(Schema.Operator.MUTATING_VARIABLE_INPUTS, "mutating_variable_inputs", 1, "bool"),
          vector(Schema.Operator.INTERMEDIATES, "intermediates", 4, "int32"),
          scalar(Schema.Operator.LARGE_CUSTOM_OPTIONS_OFFSET, "large_custom_options_offset", 8),
          scalar(Schema.Operator.LARGE_CUSTOM_OPTIONS_SIZE, "large_custom_options_size", 8),
          scalar(Schema.Operator.BUILTIN_OPTIONS_2_TYPE, "builtin_options_2_type", 1),
          union(
              Schema.Operator.BUILTIN_OPTIONS_2_TYPE,
              Schema.Operator.BUILTIN_OPTIONS_2,
              "builtin_options_2",
              type -> TableLayout.opaque("BuiltinOptions2 member " + type)));

  static final TableLayout SUBGRAPH =
      TableLayout.of(
          "SubGraph",
          tables(Schema.SubGraph.TENSORS, "tensors", TENSOR),
          vector(Schema.SubGraph.INPUTS, "inputs", 4, "int32"),
          vector(Schema.SubGraph.OUTPUTS, "outputs", 4, "int32"),
          tables(Schema.SubGraph.OPERATORS, "operators", OPERATOR),
          string(Schema.SubGraph.NAME, "name"));

  static final TableLayout OPERATOR_CODE =
      TableLayout.of(
          "OperatorCode",
          scalar(Schema.OperatorCode.DEPRECATED_BUILTIN_CODE, "deprecated_builtin_code", 1),
          string(Schema.OperatorCode.CUSTOM_CODE, "custom_code"),
          scalar(Schema.OperatorCode.VERSION, "version", 4),
          scalar(Schema.OperatorCode.BUILTIN_CODE, "builtin_code", 4));

  static final TableLayout BUFFER =
      TableLayout.of(
          "Buffer",
          vector(Schema.Buffer.DATA, "data", 1, "uint8"),
          scalar(Schema.Buffer.OFFSET, "offset", 8),
          scalar(Schema.Buffer.SIZE, "size", 8));

  static final TableLayout METADATA =
      TableLayout.of(
          "Metadata",
          string(Schema.Metadata.NAME, "name"),
          scalar(Schema.Metadata.BUFFER, "buffer", 4));

  static final TableLayout TENSOR_MAP =
      TableLayout.of(
          "TensorMap",
          string(Schema.TensorMap.NAME, "name"),
          scalar(Schema.TensorMap.TENSOR_INDEX, "tensor_index", 4));

  static final TableLayout SIGNATURE_DEF =
      TableLayout.of(
          "SignatureDef",
          tables(Schema.SignatureDef.INPUTS, "inputs", TENSOR_MAP),
          tables(Schema.SignatureDef.OUTPUTS, "outputs", TENSOR_MAP),
          string(Schema.SignatureDef.SIGNATURE_KEY, "signature_key"),
          string(Schema.SignatureDef.DEPRECATED_TAG, "deprecated_tag"),
          scalar(Schema.SignatureDef.SUBGRAPH_INDEX, "subgraph_index", 4));

  static final TableLayout MODEL =
      TableLayout.of(
          "Model",
          scalar(Schema.Model.VERSION, "version", 4),
          tables(Schema.Model.OPERATOR_CODES, "operator_codes", OPERATOR_CODE),
          tables(Schema.Model.SUBGRAPHS, "subgraphs", SUBGRAPH),
          string(Schema.Model.DESCRIPTION, "description"),
          tables(Schema.Model.BUFFERS, "buffers", BUFFER),
          vector(Schema.Model.METADATA_BUFFER, "metadata_buffer", 4, "int32"),
          tables(Schema.Model.METADATA, "metadata", METADATA),
          tables(Schema.Model.SIGNATURE_DEFS, "signature_defs", SIGNATURE_DEF));
}
