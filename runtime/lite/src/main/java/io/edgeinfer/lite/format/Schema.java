package io.edgeinfer.lite.format;

/**
 * Where each field of the TensorFlow Lite flatbuffer lives: the field ids of the tables edgeinfer
 * reads and writes, and the numbers of the union members. A field id is the field's position in its
 * table's declaration (a union takes two: its type byte, then its value); the vtable slot of id
 * {@code n} is at byte {@code 4 + 2n}. These numbers are the format, so they never change.
 */
final class Schema {
  private Schema() {}

  /** The four bytes at offset 4 of every .tflite file (schema version 3). */
  static final String FILE_IDENTIFIER = "TFL3";

  /** The root table. */
  static final class Model {
    static final int VERSION = 0;
    static final int OPERATOR_CODES = 1;
    static final int SUBGRAPHS = 2;
    static final int DESCRIPTION = 3;
    static final int BUFFERS = 4;
    static final int METADATA_BUFFER = 5; // deprecated list of buffer indices; read by nobody
    static final int METADATA = 6;
    static final int SIGNATURE_DEFS = 7;
    static final int FIELDS = 8;

    private Model() {}
  }

  static final class OperatorCode {
    static final int DEPRECATED_BUILTIN_CODE = 0; // int8: the code when it is below 127
    static final int CUSTOM_CODE = 1;
    static final int VERSION = 2; // default 1
    static final int BUILTIN_CODE = 3; // int32: the code, any value
    static final int FIELDS = 4;

    private OperatorCode() {}
  }

  static final class SubGraph {
    static final int TENSORS = 0;
    static final int INPUTS = 1;
    static final int OUTPUTS = 2;
    static final int OPERATORS = 3;
    static final int NAME = 4;
    static final int FIELDS = 5;

    private SubGraph() {}
  }

  static final class Tensor {
    static final int SHAPE = 0;
    static final int TYPE = 1;
    static final int BUFFER = 2;
    static final int NAME = 3;
    static final int QUANTIZATION = 4;
    static final int IS_VARIABLE = 5;
    static final int SPARSITY = 6;
    static final int SHAPE_SIGNATURE = 7;
    static final int HAS_RANK = 8;
    static final int VARIANT_TENSORS = 9;
    static final int FIELDS = 10;

    private Tensor() {}
  }

  static final class Quantization {
    static final int MIN = 0;
    static final int MAX = 1;
    static final int SCALE = 2;
    static final int ZERO_POINT = 3;
    static final int DETAILS_TYPE = 4;
    static final int DETAILS = 5;
    static final int QUANTIZED_DIMENSION = 6;
    static final int FIELDS = 7;

    /** The one member of the details union: custom quantization, opaque bytes. */
    static final int DETAILS_CUSTOM = 1;

    private Quantization() {}
  }

  static final class Sparsity {
    static final int TRAVERSAL_ORDER = 0;
    static final int BLOCK_MAP = 1;
    static final int DIM_METADATA = 2;

    private Sparsity() {}
  }

  static final class DimensionMetadata {
    static final int FORMAT = 0;
    static final int DENSE_SIZE = 1;
    static final int ARRAY_SEGMENTS_TYPE = 2;
    static final int ARRAY_SEGMENTS = 3;
    static final int ARRAY_INDICES_TYPE = 4;
    static final int ARRAY_INDICES = 5;

    /** Members of the sparse index union; each is a table with one vector at id 0. */
    static final int INT32_VECTOR = 1;

    static final int UINT16_VECTOR = 2;
    static final int UINT8_VECTOR = 3;

    private DimensionMetadata() {}
  }

  static final class VariantSubType {
    static final int SHAPE = 0;
    static final int TYPE = 1;
    static final int HAS_RANK = 2;

    private VariantSubType() {}
  }

  static final class Operator {
    static final int OPCODE_INDEX = 0;
    static final int INPUTS = 1;
    static final int OUTPUTS = 2;
    static final int BUILTIN_OPTIONS_TYPE = 3;
    static final int BUILTIN_OPTIONS = 4;
    static final int CUSTOM_OPTIONS = 5;
    static final int CUSTOM_OPTIONS_FORMAT = 6;
    static final int MUTATING_VARIABLE_INPUTS = 7;
    static final int INTERMEDIATES = 8;
    static final int LARGE_CUSTOM_OPTIONS_OFFSET = 9;
    static final int LARGE_CUSTOM_OPTIONS_SIZE = 10;
    static final int BUILTIN_OPTIONS_2_TYPE = 11;
    static final int BUILTIN_OPTIONS_2 = 12;
    static final int FIELDS = 13;

    private Operator() {}
  }

  static final class Buffer {
    static final int DATA = 0; // [ubyte], aligned to 16
    static final int OFFSET = 1; // uint64: data outside the flatbuffer (models over 2 GB)
    static final int SIZE = 2;
    static final int FIELDS = 3;

    /** The alignment the format asks for buffer data, so kernels can read it in place. */
    static final int DATA_ALIGNMENT = 16;

    private Buffer() {}
  }

  static final class Metadata {
    static final int NAME = 0;
    static final int BUFFER = 1;
    static final int FIELDS = 2;

    private Metadata() {}
  }

  static final class TensorMap {
    static final int NAME = 0;
    static final int TENSOR_INDEX = 1;
    static final int FIELDS = 2;

    private TensorMap() {}
  }

  static final class SignatureDef {
    static final int INPUTS = 0;
    static final int OUTPUTS = 1;
    static final int SIGNATURE_KEY = 2;
    static final int DEPRECATED_TAG = 3; // deprecated but still holds its slot
    static final int SUBGRAPH_INDEX = 4;
    static final int FIELDS = 5;

    private SignatureDef() {}
  }

  /**
   * The members of the {@code BuiltinOptions} union edgeinfer decodes (0 means none). The number is
   * the member's position in the union's declaration, counted from 1.
   */
  static final class Options {
    static final int NONE = 0;
    static final int CONV_2D = 1;
    static final int DEPTHWISE_CONV_2D = 2;
    static final int POOL_2D = 5;
    static final int FULLY_CONNECTED = 8;
    static final int SOFTMAX = 9;
    static final int CONCATENATION = 10;
    static final int ADD = 11;
    static final int RESHAPE = 17;
    static final int MUL = 21;
    static final int PAD = 22;
    static final int REDUCER = 27;
    static final int SUB = 28;
    static final int SQUEEZE = 30;
    static final int DEQUANTIZE = 38;
    static final int ARG_MAX = 40;
    static final int SHAPE = 55;
    static final int LEAKY_RELU = 75;
    static final int QUANTIZE = 89;
    static final int STRIDED_SLICE = 32;
    static final int TRANSPOSE_CONV = 49;
    static final int SVDF = 6;
    static final int UNIDIRECTIONAL_SEQUENCE_LSTM = 71;

    // shape, text, resize and elementwise ops
    static final int L2_NORM = 12;
    static final int RESIZE_BILINEAR = 15;
    static final int GATHER = 23;
    static final int DIV = 29;
    static final int SPLIT = 35;
    static final int PACK = 59;
    static final int UNPACK = 64;
    static final int RESIZE_NEAREST_NEIGHBOR = 74;
    static final int SPLIT_V = 79;

    private Options() {}
  }
}
