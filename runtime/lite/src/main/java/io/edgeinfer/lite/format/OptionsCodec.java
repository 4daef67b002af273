package io.edgeinfer.lite.format;

import com.google.flatbuffers.FlatBufferBuilder;
import java.util.List;

/**
 * The builtin options tables in both directions: a union member number and table to an {@link
 * OperatorOptions} record, and back. Kept together so the field ids of each table are written down
 * once for reading and once for writing, side by side.
 */
final class OptionsCodec {
  private OptionsCodec() {}

  /**
   * Decodes the options of union member {@code type}; {@code t} may be absent (reads as defaults).
   *
   * @throws IllegalArgumentException for values the format does not define or the record refuses
   */
  static OperatorOptions decode(int type, FlatTable t) {
    return switch (type) {
      case Schema.Options.NONE -> new OperatorOptions.None();
      case Schema.Options.CONV_2D ->
          new OperatorOptions.Conv2D(
              padding(t.uint8(Schema.Conv2D.PADDING)),
              t.int32(Schema.Conv2D.STRIDE_W, 0),
              t.int32(Schema.Conv2D.STRIDE_H, 0),
              t.int32(Schema.Conv2D.DILATION_W, 1),
              t.int32(Schema.Conv2D.DILATION_H, 1),
              activation(t.uint8(Schema.Conv2D.ACTIVATION)));
      case Schema.Options.DEPTHWISE_CONV_2D ->
          new OperatorOptions.DepthwiseConv2D(
              padding(t.uint8(Schema.DepthwiseConv2D.PADDING)),
              t.int32(Schema.DepthwiseConv2D.STRIDE_W, 0),
              t.int32(Schema.DepthwiseConv2D.STRIDE_H, 0),
              t.int32(Schema.DepthwiseConv2D.DEPTH_MULTIPLIER, 0),
              t.int32(Schema.DepthwiseConv2D.DILATION_W, 1),
              t.int32(Schema.DepthwiseConv2D.DILATION_H, 1),
              activation(t.uint8(Schema.DepthwiseConv2D.ACTIVATION)));
      case Schema.Options.POOL_2D ->
          new OperatorOptions.Pool2D(
              padding(t.uint8(Schema.Pool2D.PADDING)),
              t.int32(Schema.Pool2D.STRIDE_W, 0),
              t.int32(Schema.Pool2D.STRIDE_H, 0),
              t.int32(Schema.Pool2D.FILTER_WIDTH, 0),
              t.int32(Schema.Pool2D.FILTER_HEIGHT, 0),
              activation(t.uint8(Schema.Pool2D.ACTIVATION)));
      case Schema.Options.FULLY_CONNECTED ->
          new OperatorOptions.FullyConnected(
              activation(t.uint8(Schema.FullyConnected.ACTIVATION)),
              weightsFormat(t.uint8(Schema.FullyConnected.WEIGHTS_FORMAT)),
              t.bool(Schema.FullyConnected.KEEP_NUM_DIMS, false),
              t.bool(Schema.FullyConnected.ASYMMETRIC_QUANTIZE_INPUTS, false));
      case Schema.Options.SOFTMAX ->
          new OperatorOptions.Softmax(t.float32(Schema.OneFloat.VALUE, 0f));
      case Schema.Options.LEAKY_RELU ->
          new OperatorOptions.LeakyRelu(t.float32(Schema.OneFloat.VALUE, 0f));
      case Schema.Options.CONCATENATION ->
          new OperatorOptions.Concatenation(
              t.int32(Schema.Concatenation.AXIS, 0),
              activation(t.uint8(Schema.Concatenation.ACTIVATION)));
      case Schema.Options.ADD ->
          new OperatorOptions.Add(activation(t.uint8(Schema.Arithmetic.ACTIVATION)));
      case Schema.Options.SUB ->
          new OperatorOptions.Sub(activation(t.uint8(Schema.Arithmetic.ACTIVATION)));
      case Schema.Options.MUL ->
          new OperatorOptions.Mul(activation(t.uint8(Schema.Arithmetic.ACTIVATION)));
      case Schema.Options.RESHAPE ->
          new OperatorOptions.Reshape(Lists.ints(t.int32s(Schema.OneIntVector.VALUES)));
      case Schema.Options.SQUEEZE ->
          new OperatorOptions.Squeeze(Lists.ints(t.int32s(Schema.OneIntVector.VALUES)));
      case Schema.Options.REDUCER ->
          new OperatorOptions.Reducer(t.bool(Schema.Reducer.KEEP_DIMS, false));
      case Schema.Options.PAD -> new OperatorOptions.Pad();
      case Schema.Options.QUANTIZE -> new OperatorOptions.Quantize();
      case Schema.Options.DEQUANTIZE -> new OperatorOptions.Dequantize();
      case Schema.Options.ARG_MAX ->
          new OperatorOptions.ArgMax(TensorTypes.toDataType(t.uint8(Schema.ArgMax.OUTPUT_TYPE)));
      case Schema.Options.STRIDED_SLICE ->
          new OperatorOptions.StridedSlice(
              t.int32(Schema.StridedSlice.BEGIN_MASK, 0),
              t.int32(Schema.StridedSlice.END_MASK, 0),
              t.int32(Schema.StridedSlice.ELLIPSIS_MASK, 0),
              t.int32(Schema.StridedSlice.NEW_AXIS_MASK, 0),
              t.int32(Schema.StridedSlice.SHRINK_AXIS_MASK, 0),
              t.bool(Schema.StridedSlice.OFFSET, false));
      case Schema.Options.TRANSPOSE_CONV ->
          new OperatorOptions.TransposeConv(
              padding(t.uint8(Schema.TransposeConv.PADDING)),
              t.int32(Schema.TransposeConv.STRIDE_W, 0),
              t.int32(Schema.TransposeConv.STRIDE_H, 0),
              activation(t.uint8(Schema.TransposeConv.ACTIVATION)));
      case Schema.Options.SVDF ->
          new OperatorOptions.Svdf(
              t.int32(Schema.Svdf.RANK, 0),
              activation(t.uint8(Schema.Svdf.ACTIVATION)),
              t.bool(Schema.Svdf.ASYMMETRIC_QUANTIZE_INPUTS, false));
      case Schema.Options.UNIDIRECTIONAL_SEQUENCE_LSTM ->
          new OperatorOptions.SequenceLstm(
              activation(t.uint8(Schema.SequenceLstm.ACTIVATION)),
              t.float32(Schema.SequenceLstm.CELL_CLIP, 0f),
              t.float32(Schema.SequenceLstm.PROJ_CLIP, 0f),
              t.bool(Schema.SequenceLstm.TIME_MAJOR, false),
              t.bool(Schema.SequenceLstm.ASYMMETRIC_QUANTIZE_INPUTS, false),
              t.bool(Schema.SequenceLstm.DIAGONAL_RECURRENT_TENSORS, false));
      // shape, text, resize and elementwise ops
      case Schema.Options.RESIZE_BILINEAR ->
          new OperatorOptions.ResizeBilinear(
              t.bool(Schema.ResizeBilinear.ALIGN_CORNERS, false),
              t.bool(Schema.ResizeBilinear.HALF_PIXEL_CENTERS, false));
      case Schema.Options.RESIZE_NEAREST_NEIGHBOR ->
          new OperatorOptions.ResizeNearestNeighbor(
              t.bool(Schema.ResizeNearestNeighbor.ALIGN_CORNERS, false),
              t.bool(Schema.ResizeNearestNeighbor.HALF_PIXEL_CENTERS, false));
      case Schema.Options.GATHER ->
          new OperatorOptions.Gather(
              t.int32(Schema.Gather.AXIS, 0), t.int32(Schema.Gather.BATCH_DIMS, 0));
      case Schema.Options.PACK ->
          new OperatorOptions.Pack(
              t.int32(Schema.CountAndAxis.COUNT, 0), t.int32(Schema.CountAndAxis.AXIS, 0));
      case Schema.Options.UNPACK ->
          new OperatorOptions.Unpack(
              t.int32(Schema.CountAndAxis.COUNT, 0), t.int32(Schema.CountAndAxis.AXIS, 0));
      case Schema.Options.SPLIT -> new OperatorOptions.Split(t.int32(Schema.NumSplits.VALUE, 0));
      case Schema.Options.SPLIT_V -> new OperatorOptions.SplitV(t.int32(Schema.NumSplits.VALUE, 0));
      case Schema.Options.DIV ->
          new OperatorOptions.Div(activation(t.uint8(Schema.ActivationOnly.ACTIVATION)));
      default -> new OperatorOptions.Other(type);
    };
  }

  /** A builtin_options value written: the union member number and the table's offset. */
  record Encoded(int type, int offset) {}

  /**
   * Writes the options table (nothing for {@link OperatorOptions.None}).
   *
   * @throws IllegalArgumentException for {@link OperatorOptions.Other}, whose fields are unknown
   */
  static Encoded encode(FlatBufferBuilder b, OperatorOptions options) {
    if (options instanceof OperatorOptions.None) {
      return new Encoded(Schema.Options.NONE, 0);
    }
    if (options instanceof OperatorOptions.Other other) {
      throw new IllegalArgumentException(
          "cannot write builtin options of union member "
              + other.type()
              + ": edgeinfer does not know that table's fields");
    }
    if (options instanceof OperatorOptions.Conv2D o) {
      b.startTable(Schema.Conv2D.FIELDS);
      b.addInt(Schema.Conv2D.STRIDE_W, o.strideW(), 0);
      b.addInt(Schema.Conv2D.STRIDE_H, o.strideH(), 0);
      b.addInt(Schema.Conv2D.DILATION_W, o.dilationW(), 1);
      b.addInt(Schema.Conv2D.DILATION_H, o.dilationH(), 1);
      b.addByte(Schema.Conv2D.PADDING, (byte) o.padding().code(), 0);
      b.addByte(Schema.Conv2D.ACTIVATION, (byte) o.activation().code(), 0);
      return new Encoded(Schema.Options.CONV_2D, b.endTable());
    }
    if (options instanceof OperatorOptions.DepthwiseConv2D o) {
      b.startTable(Schema.DepthwiseConv2D.FIELDS);
      b.addInt(Schema.DepthwiseConv2D.STRIDE_W, o.strideW(), 0);
      b.addInt(Schema.DepthwiseConv2D.STRIDE_H, o.strideH(), 0);
      b.addInt(Schema.DepthwiseConv2D.DEPTH_MULTIPLIER, o.depthMultiplier(), 0);
      b.addInt(Schema.DepthwiseConv2D.DILATION_W, o.dilationW(), 1);
      b.addInt(Schema.DepthwiseConv2D.DILATION_H, o.dilationH(), 1);
      b.addByte(Schema.DepthwiseConv2D.PADDING, (byte) o.padding().code(), 0);
      b.addByte(Schema.DepthwiseConv2D.ACTIVATION, (byte) o.activation().code(), 0);
      return new Encoded(Schema.Options.DEPTHWISE_CONV_2D, b.endTable());
    }
    if (options instanceof OperatorOptions.Pool2D o) {
      b.startTable(Schema.Pool2D.FIELDS);
      b.addInt(Schema.Pool2D.STRIDE_W, o.strideW(), 0);
      b.addInt(Schema.Pool2D.STRIDE_H, o.strideH(), 0);
      b.addInt(Schema.Pool2D.FILTER_WIDTH, o.filterWidth(), 0);
      b.addInt(Schema.Pool2D.FILTER_HEIGHT, o.filterHeight(), 0);
      b.addByte(Schema.Pool2D.PADDING, (byte) o.padding().code(), 0);
      b.addByte(Schema.Pool2D.ACTIVATION, (byte) o.activation().code(), 0);
      return new Encoded(Schema.Options.POOL_2D, b.endTable());
    }
    if (options instanceof OperatorOptions.FullyConnected o) {
      b.startTable(Schema.FullyConnected.FIELDS);
      b.addByte(Schema.FullyConnected.ACTIVATION, (byte) o.activation().code(), 0);
      b.addByte(Schema.FullyConnected.WEIGHTS_FORMAT, (byte) o.weightsFormat().ordinal(), 0);
      b.addBoolean(Schema.FullyConnected.KEEP_NUM_DIMS, o.keepNumDims(), false);
      b.addBoolean(
          Schema.FullyConnected.ASYMMETRIC_QUANTIZE_INPUTS, o.asymmetricQuantizeInputs(), false);
      return new Encoded(Schema.Options.FULLY_CONNECTED, b.endTable());
    }
    if (options instanceof OperatorOptions.Softmax o) {
      return new Encoded(Schema.Options.SOFTMAX, oneFloat(b, o.beta()));
    }
    if (options instanceof OperatorOptions.LeakyRelu o) {
      return new Encoded(Schema.Options.LEAKY_RELU, oneFloat(b, o.alpha()));
    }
    if (options instanceof OperatorOptions.Concatenation o) {
      b.startTable(Schema.Concatenation.FIELDS);
      b.addInt(Schema.Concatenation.AXIS, o.axis(), 0);
      b.addByte(Schema.Concatenation.ACTIVATION, (byte) o.activation().code(), 0);
      return new Encoded(Schema.Options.CONCATENATION, b.endTable());
    }
    if (options instanceof OperatorOptions.Add o) {
      return new Encoded(Schema.Options.ADD, activationOnly(b, o.activation()));
    }
    if (options instanceof OperatorOptions.Sub o) {
      return new Encoded(Schema.Options.SUB, activationOnly(b, o.activation()));
    }
    if (options instanceof OperatorOptions.Mul o) {
      return new Encoded(Schema.Options.MUL, activationOnly(b, o.activation()));
    }
    if (options instanceof OperatorOptions.Reshape o) {
      return new Encoded(Schema.Options.RESHAPE, oneIntVector(b, o.newShape()));
    }
    if (options instanceof OperatorOptions.Squeeze o) {
      return new Encoded(Schema.Options.SQUEEZE, oneIntVector(b, o.squeezeDims()));
    }
    if (options instanceof OperatorOptions.Reducer o) {
      b.startTable(Schema.Reducer.FIELDS);
      b.addBoolean(Schema.Reducer.KEEP_DIMS, o.keepDims(), false);
      return new Encoded(Schema.Options.REDUCER, b.endTable());
    }
    if (options instanceof OperatorOptions.Pad) {
      return new Encoded(Schema.Options.PAD, emptyTable(b));
    }
    if (options instanceof OperatorOptions.Quantize) {
      return new Encoded(Schema.Options.QUANTIZE, emptyTable(b));
    }
    if (options instanceof OperatorOptions.Dequantize) {
      return new Encoded(Schema.Options.DEQUANTIZE, emptyTable(b));
    }
    if (options instanceof OperatorOptions.ArgMax o) {
      b.startTable(Schema.ArgMax.FIELDS);
      b.addByte(Schema.ArgMax.OUTPUT_TYPE, (byte) TensorTypes.toCode(o.outputType()), 0);
      return new Encoded(Schema.Options.ARG_MAX, b.endTable());
    }
    if (options instanceof OperatorOptions.StridedSlice o) {
      b.startTable(Schema.StridedSlice.FIELDS);
      b.addInt(Schema.StridedSlice.BEGIN_MASK, o.beginMask(), 0);
      b.addInt(Schema.StridedSlice.END_MASK, o.endMask(), 0);
      b.addInt(Schema.StridedSlice.ELLIPSIS_MASK, o.ellipsisMask(), 0);
      b.addInt(Schema.StridedSlice.NEW_AXIS_MASK, o.newAxisMask(), 0);
      b.addInt(Schema.StridedSlice.SHRINK_AXIS_MASK, o.shrinkAxisMask(), 0);
      b.addBoolean(Schema.StridedSlice.OFFSET, o.offset(), false);
      return new Encoded(Schema.Options.STRIDED_SLICE, b.endTable());
    }
    if (options instanceof OperatorOptions.TransposeConv o) {
      b.startTable(Schema.TransposeConv.FIELDS);
      b.addInt(Schema.TransposeConv.STRIDE_W, o.strideW(), 0);
      b.addInt(Schema.TransposeConv.STRIDE_H, o.strideH(), 0);
      b.addByte(Schema.TransposeConv.PADDING, (byte) o.padding().code(), 0);
      b.addByte(Schema.TransposeConv.ACTIVATION, (byte) o.activation().code(), 0);
      return new Encoded(Schema.Options.TRANSPOSE_CONV, b.endTable());
    }
    if (options instanceof OperatorOptions.Svdf o) {
      b.startTable(Schema.Svdf.FIELDS);
      b.addInt(Schema.Svdf.RANK, o.rank(), 0);
      b.addByte(Schema.Svdf.ACTIVATION, (byte) o.activation().code(), 0);
      b.addBoolean(Schema.Svdf.ASYMMETRIC_QUANTIZE_INPUTS, o.asymmetricQuantizeInputs(), false);
      return new Encoded(Schema.Options.SVDF, b.endTable());
    }
    if (options instanceof OperatorOptions.SequenceLstm o) {
      b.startTable(Schema.SequenceLstm.FIELDS);
      b.addFloat(Schema.SequenceLstm.CELL_CLIP, o.cellClip(), 0.0);
      b.addFloat(Schema.SequenceLstm.PROJ_CLIP, o.projClip(), 0.0);
      b.addByte(Schema.SequenceLstm.ACTIVATION, (byte) o.activation().code(), 0);
      b.addBoolean(Schema.SequenceLstm.TIME_MAJOR, o.timeMajor(), false);
      b.addBoolean(
          Schema.SequenceLstm.ASYMMETRIC_QUANTIZE_INPUTS, o.asymmetricQuantizeInputs(), false);
      b.addBoolean(
          Schema.SequenceLstm.DIAGONAL_RECURRENT_TENSORS, o.diagonalRecurrentTensors(), false);
      return new Encoded(Schema.Options.UNIDIRECTIONAL_SEQUENCE_LSTM, b.endTable());
    }
    // shape, text, resize and elementwise ops
    if (options instanceof OperatorOptions.ResizeBilinear o) {
      b.startTable(Schema.ResizeBilinear.FIELDS);
      b.addBoolean(Schema.ResizeBilinear.ALIGN_CORNERS, o.alignCorners(), false);
      b.addBoolean(Schema.ResizeBilinear.HALF_PIXEL_CENTERS, o.halfPixelCenters(), false);
      return new Encoded(Schema.Options.RESIZE_BILINEAR, b.endTable());
    }
    if (options instanceof OperatorOptions.ResizeNearestNeighbor o) {
      b.startTable(Schema.ResizeNearestNeighbor.FIELDS);
      b.addBoolean(Schema.ResizeNearestNeighbor.ALIGN_CORNERS, o.alignCorners(), false);
      b.addBoolean(Schema.ResizeNearestNeighbor.HALF_PIXEL_CENTERS, o.halfPixelCenters(), false);
      return new Encoded(Schema.Options.RESIZE_NEAREST_NEIGHBOR, b.endTable());
    }
    if (options instanceof OperatorOptions.Gather o) {
      b.startTable(Schema.Gather.FIELDS);
      b.addInt(Schema.Gather.AXIS, o.axis(), 0);
      b.addInt(Schema.Gather.BATCH_DIMS, o.batchDims(), 0);
      return new Encoded(Schema.Options.GATHER, b.endTable());
    }
    if (options instanceof OperatorOptions.Pack o) {
      return new Encoded(Schema.Options.PACK, countAndAxis(b, o.valuesCount(), o.axis()));
    }
    if (options instanceof OperatorOptions.Unpack o) {
      return new Encoded(Schema.Options.UNPACK, countAndAxis(b, o.num(), o.axis()));
    }
    if (options instanceof OperatorOptions.Split o) {
      return new Encoded(Schema.Options.SPLIT, numSplits(b, o.numSplits()));
    }
    if (options instanceof OperatorOptions.SplitV o) {
      return new Encoded(Schema.Options.SPLIT_V, numSplits(b, o.numSplits()));
    }
    if (options instanceof OperatorOptions.Div o) {
      b.startTable(Schema.ActivationOnly.FIELDS);
      b.addByte(Schema.ActivationOnly.ACTIVATION, (byte) o.activation().code(), 0);
      return new Encoded(Schema.Options.DIV, b.endTable());
    }
    throw new AssertionError("options kind without an encoder: " + options);
  }

  private static int countAndAxis(FlatBufferBuilder b, int count, int axis) {
    b.startTable(Schema.CountAndAxis.FIELDS);
    b.addInt(Schema.CountAndAxis.COUNT, count, 0);
    b.addInt(Schema.CountAndAxis.AXIS, axis, 0);
    return b.endTable();
  }

  private static int numSplits(FlatBufferBuilder b, int numSplits) {
    b.startTable(Schema.NumSplits.FIELDS);
    b.addInt(Schema.NumSplits.VALUE, numSplits, 0);
    return b.endTable();
  }

  private static int oneFloat(FlatBufferBuilder b, float value) {
    b.startTable(Schema.OneFloat.FIELDS);
    b.addFloat(Schema.OneFloat.VALUE, value, 0.0);
    return b.endTable();
  }

  private static int activationOnly(FlatBufferBuilder b, Activation activation) {
    b.startTable(Schema.Arithmetic.FIELDS);
    b.addByte(Schema.Arithmetic.ACTIVATION, (byte) activation.code(), 0);
    return b.endTable();
  }

  private static int oneIntVector(FlatBufferBuilder b, List<Integer> values) {
    int vector = values.isEmpty() ? 0 : Vectors.ints(b, values);
    b.startTable(Schema.OneIntVector.FIELDS);
    if (vector != 0) {
      b.addOffset(Schema.OneIntVector.VALUES, vector, 0);
    }
    return b.endTable();
  }

  private static int emptyTable(FlatBufferBuilder b) {
    b.startTable(0);
    return b.endTable();
  }

  private static Activation activation(int code) {
    return Activation.of(code)
        .orElseThrow(
            () ->
                new IllegalArgumentException("expected a fused activation 0 to 5, found " + code));
  }

  private static Padding padding(int code) {
    return Padding.of(code)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "expected a padding 0 (SAME) or 1 (VALID), found " + code));
  }

  private static OperatorOptions.FullyConnected.WeightsFormat weightsFormat(int code) {
    OperatorOptions.FullyConnected.WeightsFormat[] formats =
        OperatorOptions.FullyConnected.WeightsFormat.values();
    if (code >= formats.length) {
      throw new IllegalArgumentException(
          "expected a weights format 0 (DEFAULT) or 1 (SHUFFLED4x16INT8), found " + code);
    }
    return formats[code];
  }
}
