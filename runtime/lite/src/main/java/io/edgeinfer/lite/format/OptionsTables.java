package io.edgeinfer.lite.format;

import static io.edgeinfer.lite.format.OptionsTable.bool;
import static io.edgeinfer.lite.format.OptionsTable.float32;
import static io.edgeinfer.lite.format.OptionsTable.int32;
import static io.edgeinfer.lite.format.OptionsTable.int32s;
import static io.edgeinfer.lite.format.OptionsTable.uint8;
import static io.edgeinfer.lite.format.OptionsTable.walkedByte;
import static io.edgeinfer.lite.format.OptionsTable.walkedInt32;

import io.edgeinfer.lite.format.OperatorOptions.Add;
import io.edgeinfer.lite.format.OperatorOptions.ArgMax;
import io.edgeinfer.lite.format.OperatorOptions.Concatenation;
import io.edgeinfer.lite.format.OperatorOptions.Conv2D;
import io.edgeinfer.lite.format.OperatorOptions.DepthwiseConv2D;
import io.edgeinfer.lite.format.OperatorOptions.Dequantize;
import io.edgeinfer.lite.format.OperatorOptions.Div;
import io.edgeinfer.lite.format.OperatorOptions.FullyConnected;
import io.edgeinfer.lite.format.OperatorOptions.Gather;
import io.edgeinfer.lite.format.OperatorOptions.LeakyRelu;
import io.edgeinfer.lite.format.OperatorOptions.Mul;
import io.edgeinfer.lite.format.OperatorOptions.Pack;
import io.edgeinfer.lite.format.OperatorOptions.Pad;
import io.edgeinfer.lite.format.OperatorOptions.Pool2D;
import io.edgeinfer.lite.format.OperatorOptions.Quantize;
import io.edgeinfer.lite.format.OperatorOptions.Reducer;
import io.edgeinfer.lite.format.OperatorOptions.Reshape;
import io.edgeinfer.lite.format.OperatorOptions.ResizeBilinear;
import io.edgeinfer.lite.format.OperatorOptions.ResizeNearestNeighbor;
import io.edgeinfer.lite.format.OperatorOptions.SequenceLstm;
import io.edgeinfer.lite.format.OperatorOptions.Shape;
import io.edgeinfer.lite.format.OperatorOptions.Softmax;
import io.edgeinfer.lite.format.OperatorOptions.Split;
import io.edgeinfer.lite.format.OperatorOptions.SplitV;
import io.edgeinfer.lite.format.OperatorOptions.Squeeze;
import io.edgeinfer.lite.format.OperatorOptions.StridedSlice;
import io.edgeinfer.lite.format.OperatorOptions.Sub;
import io.edgeinfer.lite.format.OperatorOptions.Svdf;
import io.edgeinfer.lite.format.OperatorOptions.TransposeConv;
import io.edgeinfer.lite.format.OperatorOptions.Unpack;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every builtin options table edgeinfer reads and writes, each written down once (see {@link
 * OptionsTable}): the field ids are their positions in the table's declaration in TFLite's
 * schema.fbs, and never change. Adding an options record = one entry here.
 */
final class OptionsTables {
  private OptionsTables() {}

  static final List<OptionsTable<?>> ALL =
      List.of(
          OptionsTable.<Conv2D>of(
              Schema.Options.CONV_2D,
              "Conv2DOptions",
              Conv2D.class,
              v ->
                  new Conv2D(
                      padding(v.uint8(0)),
                      v.int32(1),
                      v.int32(2),
                      v.int32(4),
                      v.int32(5),
                      activation(v.uint8(3))),
              uint8(0, "padding", o -> o.padding().code()),
              int32(1, "stride_w", 0, Conv2D::strideW),
              int32(2, "stride_h", 0, Conv2D::strideH),
              uint8(3, "fused_activation_function", o -> o.activation().code()),
              int32(4, "dilation_w_factor", 1, Conv2D::dilationW),
              int32(5, "dilation_h_factor", 1, Conv2D::dilationH),
              walkedByte(6, "quantized_bias_type")),
          OptionsTable.<DepthwiseConv2D>of(
              Schema.Options.DEPTHWISE_CONV_2D,
              "DepthwiseConv2DOptions",
              DepthwiseConv2D.class,
              v ->
                  new DepthwiseConv2D(
                      padding(v.uint8(0)),
                      v.int32(1),
                      v.int32(2),
                      v.int32(3),
                      v.int32(5),
                      v.int32(6),
                      activation(v.uint8(4))),
              uint8(0, "padding", o -> o.padding().code()),
              int32(1, "stride_w", 0, DepthwiseConv2D::strideW),
              int32(2, "stride_h", 0, DepthwiseConv2D::strideH),
              int32(3, "depth_multiplier", 0, DepthwiseConv2D::depthMultiplier),
              uint8(4, "fused_activation_function", o -> o.activation().code()),
              int32(5, "dilation_w_factor", 1, DepthwiseConv2D::dilationW),
              int32(6, "dilation_h_factor", 1, DepthwiseConv2D::dilationH)),
          OptionsTable.<Pool2D>of(
              Schema.Options.POOL_2D,
              "Pool2DOptions",
              Pool2D.class,
              v ->
                  new Pool2D(
                      padding(v.uint8(0)),
                      v.int32(1),
                      v.int32(2),
                      v.int32(3),
                      v.int32(4),
                      activation(v.uint8(5))),
              uint8(0, "padding", o -> o.padding().code()),
              int32(1, "stride_w", 0, Pool2D::strideW),
              int32(2, "stride_h", 0, Pool2D::strideH),
              int32(3, "filter_width", 0, Pool2D::filterWidth),
              int32(4, "filter_height", 0, Pool2D::filterHeight),
              uint8(5, "fused_activation_function", o -> o.activation().code())),
          OptionsTable.<FullyConnected>of(
              Schema.Options.FULLY_CONNECTED,
              "FullyConnectedOptions",
              FullyConnected.class,
              v ->
                  new FullyConnected(
                      activation(v.uint8(0)), weightsFormat(v.uint8(1)), v.bool(2), v.bool(3)),
              uint8(0, "fused_activation_function", o -> o.activation().code()),
              uint8(1, "weights_format", o -> o.weightsFormat().ordinal()),
              bool(2, "keep_num_dims", FullyConnected::keepNumDims),
              bool(3, "asymmetric_quantize_inputs", FullyConnected::asymmetricQuantizeInputs),
              walkedByte(4, "quantized_bias_type")),
          OptionsTable.<Softmax>of(
              Schema.Options.SOFTMAX,
              "SoftmaxOptions",
              Softmax.class,
              v -> new Softmax(v.float32(0)),
              float32(0, "beta", Softmax::beta)),
          OptionsTable.<LeakyRelu>of(
              Schema.Options.LEAKY_RELU,
              "LeakyReluOptions",
              LeakyRelu.class,
              v -> new LeakyRelu(v.float32(0)),
              float32(0, "alpha", LeakyRelu::alpha)),
          OptionsTable.<Concatenation>of(
              Schema.Options.CONCATENATION,
              "ConcatenationOptions",
              Concatenation.class,
              v -> new Concatenation(v.int32(0), activation(v.uint8(1))),
              int32(0, "axis", 0, Concatenation::axis),
              uint8(1, "fused_activation_function", o -> o.activation().code())),
          // ADD, SUB and MUL: the activation, then a flag only int16 kernels read.
          OptionsTable.<Add>of(
              Schema.Options.ADD,
              "AddOptions",
              Add.class,
              v -> new Add(activation(v.uint8(0))),
              uint8(0, "fused_activation_function", o -> o.activation().code()),
              walkedByte(1, "pot_scale_int16")),
          OptionsTable.<Sub>of(
              Schema.Options.SUB,
              "SubOptions",
              Sub.class,
              v -> new Sub(activation(v.uint8(0))),
              uint8(0, "fused_activation_function", o -> o.activation().code()),
              walkedByte(1, "pot_scale_int16")),
          OptionsTable.<Mul>of(
              Schema.Options.MUL,
              "MulOptions",
              Mul.class,
              v -> new Mul(activation(v.uint8(0))),
              uint8(0, "fused_activation_function", o -> o.activation().code()),
              walkedByte(1, "pot_scale_int16")),
          OptionsTable.<Div>of(
              Schema.Options.DIV,
              "DivOptions",
              Div.class,
              v -> new Div(activation(v.uint8(0))),
              uint8(0, "fused_activation_function", o -> o.activation().code())),
          OptionsTable.<Reshape>of(
              Schema.Options.RESHAPE,
              "ReshapeOptions",
              Reshape.class,
              v -> new Reshape(v.int32s(0)),
              int32s(0, "new_shape", Reshape::newShape)),
          OptionsTable.<Squeeze>of(
              Schema.Options.SQUEEZE,
              "SqueezeOptions",
              Squeeze.class,
              v -> new Squeeze(v.int32s(0)),
              int32s(0, "squeeze_dims", Squeeze::squeezeDims)),
          OptionsTable.<Reducer>of(
              Schema.Options.REDUCER,
              "ReducerOptions",
              Reducer.class,
              v -> new Reducer(v.bool(0)),
              bool(0, "keep_dims", Reducer::keepDims)),
          OptionsTable.<Pad>of(Schema.Options.PAD, "PadOptions", Pad.class, v -> new Pad()),
          OptionsTable.<Quantize>of(
              Schema.Options.QUANTIZE, "QuantizeOptions", Quantize.class, v -> new Quantize()),
          OptionsTable.<Dequantize>of(
              Schema.Options.DEQUANTIZE,
              "DequantizeOptions",
              Dequantize.class,
              v -> new Dequantize()),
          OptionsTable.<ArgMax>of(
              Schema.Options.ARG_MAX,
              "ArgMaxOptions",
              ArgMax.class,
              v -> new ArgMax(TensorTypes.toDataType(v.uint8(0))),
              uint8(0, "output_type", o -> TensorTypes.toCode(o.outputType()))),
          OptionsTable.<Shape>of(
              Schema.Options.SHAPE,
              "ShapeOptions",
              Shape.class,
              v -> new Shape(TensorTypes.toDataType(v.uint8(0))),
              uint8(0, "out_type", o -> TensorTypes.toCode(o.outputType()))),
          OptionsTable.<StridedSlice>of(
              Schema.Options.STRIDED_SLICE,
              "StridedSliceOptions",
              StridedSlice.class,
              v ->
                  new StridedSlice(
                      v.int32(0), v.int32(1), v.int32(2), v.int32(3), v.int32(4), v.bool(5)),
              int32(0, "begin_mask", 0, StridedSlice::beginMask),
              int32(1, "end_mask", 0, StridedSlice::endMask),
              int32(2, "ellipsis_mask", 0, StridedSlice::ellipsisMask),
              int32(3, "new_axis_mask", 0, StridedSlice::newAxisMask),
              int32(4, "shrink_axis_mask", 0, StridedSlice::shrinkAxisMask),
              bool(5, "offset", StridedSlice::offset)),
          OptionsTable.<TransposeConv>of(
              Schema.Options.TRANSPOSE_CONV,
              "TransposeConvOptions",
              TransposeConv.class,
              v ->
                  new TransposeConv(
                      padding(v.uint8(0)), v.int32(1), v.int32(2), activation(v.uint8(3))),
              uint8(0, "padding", o -> o.padding().code()),
              int32(1, "stride_w", 0, TransposeConv::strideW),
              int32(2, "stride_h", 0, TransposeConv::strideH),
              uint8(3, "fused_activation_function", o -> o.activation().code()),
              walkedByte(4, "quantized_bias_type")),
          OptionsTable.<Svdf>of(
              Schema.Options.SVDF,
              "SVDFOptions",
              Svdf.class,
              v -> new Svdf(v.int32(0), activation(v.uint8(1)), v.bool(2)),
              int32(0, "rank", 0, Svdf::rank),
              uint8(1, "fused_activation_function", o -> o.activation().code()),
              bool(2, "asymmetric_quantize_inputs", Svdf::asymmetricQuantizeInputs)),
          OptionsTable.<SequenceLstm>of(
              Schema.Options.UNIDIRECTIONAL_SEQUENCE_LSTM,
              "UnidirectionalSequenceLSTMOptions",
              SequenceLstm.class,
              v ->
                  new SequenceLstm(
                      activation(v.uint8(0)),
                      v.float32(1),
                      v.float32(2),
                      v.bool(3),
                      v.bool(4),
                      v.bool(5)),
              uint8(0, "fused_activation_function", o -> o.activation().code()),
              float32(1, "cell_clip", SequenceLstm::cellClip),
              float32(2, "proj_clip", SequenceLstm::projClip),
              bool(3, "time_major", SequenceLstm::timeMajor),
              bool(4, "asymmetric_quantize_inputs", SequenceLstm::asymmetricQuantizeInputs),
              bool(5, "diagonal_recurrent_tensors", SequenceLstm::diagonalRecurrentTensors)),
          // shape, text, resize and elementwise ops
          OptionsTable.<ResizeBilinear>of(
              Schema.Options.RESIZE_BILINEAR,
              "ResizeBilinearOptions",
              ResizeBilinear.class,
              v -> new ResizeBilinear(v.bool(2), v.bool(3)),
              walkedInt32(0, "new_height"),
              walkedInt32(1, "new_width"),
              bool(2, "align_corners", ResizeBilinear::alignCorners),
              bool(3, "half_pixel_centers", ResizeBilinear::halfPixelCenters)),
          OptionsTable.<ResizeNearestNeighbor>of(
              Schema.Options.RESIZE_NEAREST_NEIGHBOR,
              "ResizeNearestNeighborOptions",
              ResizeNearestNeighbor.class,
              v -> new ResizeNearestNeighbor(v.bool(0), v.bool(1)),
              bool(0, "align_corners", ResizeNearestNeighbor::alignCorners),
              bool(1, "half_pixel_centers", ResizeNearestNeighbor::halfPixelCenters)),
          OptionsTable.<Gather>of(
              Schema.Options.GATHER,
              "GatherOptions",
              Gather.class,
              v -> new Gather(v.int32(0), v.int32(1)),
              int32(0, "axis", 0, Gather::axis),
              int32(1, "batch_dims", 0, Gather::batchDims)),
          OptionsTable.<Pack>of(
              Schema.Options.PACK,
              "PackOptions",
              Pack.class,
              v -> new Pack(v.int32(0), v.int32(1)),
              int32(0, "values_count", 0, Pack::valuesCount),
              int32(1, "axis", 0, Pack::axis)),
          OptionsTable.<Unpack>of(
              Schema.Options.UNPACK,
              "UnpackOptions",
              Unpack.class,
              v -> new Unpack(v.int32(0), v.int32(1)),
              int32(0, "num", 0, Unpack::num),
              int32(1, "axis", 0, Unpack::axis)),
          OptionsTable.<Split>of(
              Schema.Options.SPLIT,
              "SplitOptions",
              Split.class,
              v -> new Split(v.int32(0)),
              int32(0, "num_splits", 0, Split::numSplits)),
          OptionsTable.<SplitV>of(
              Schema.Options.SPLIT_V,
              "SplitVOptions",
              SplitV.class,
              v -> new SplitV(v.int32(0)),
              int32(0, "num_splits", 0, SplitV::numSplits)));

  private static final Map<Integer, OptionsTable<?>> BY_MEMBER = new HashMap<>();
  private static final Map<Class<?>, OptionsTable<?>> BY_TYPE = new HashMap<>();

  static {
    for (OptionsTable<?> table : ALL) {
      if (BY_MEMBER.put(table.member(), table) != null
          || BY_TYPE.put(table.type(), table) != null) {
        throw new AssertionError("two options tables for member " + table.member());
      }
    }
  }

  /** The table of union member {@code member}, if edgeinfer decodes it. */
  static Optional<OptionsTable<?>> byMember(int member) {
    return Optional.ofNullable(BY_MEMBER.get(member));
  }

  /** The table a record is written as, if it has one. */
  static Optional<OptionsTable<?>> of(OperatorOptions options) {
    return Optional.ofNullable(BY_TYPE.get(options.getClass()));
  }

  static Activation activation(int code) {
    return Activation.of(code)
        .orElseThrow(
            () ->
                new IllegalArgumentException("expected a fused activation 0 to 5, found " + code));
  }

  static Padding padding(int code) {
    return Padding.of(code)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "expected a padding 0 (SAME) or 1 (VALID), found " + code));
  }

  static FullyConnected.WeightsFormat weightsFormat(int code) {
    FullyConnected.WeightsFormat[] formats = FullyConnected.WeightsFormat.values();
    if (code >= formats.length) {
      throw new IllegalArgumentException(
          "expected a weights format 0 (DEFAULT) or 1 (SHUFFLED4x16INT8), found " + code);
    }
    return formats[code];
  }
}
