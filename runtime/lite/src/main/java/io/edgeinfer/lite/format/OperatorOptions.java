package io.edgeinfer.lite.format;

import io.edgeinfer.core.DataType;
import java.util.List;
import java.util.Objects;

/**
 * The builtin options of an operator: one record per options table of the format that edgeinfer's
 * kernels use. An operator with no options table has {@link None}; one with a table of another kind
 * has {@link Other}, which names the kind so that the operator can still be reported.
 */
public sealed interface OperatorOptions {

  /** The operator has no options table (RELU, LOGISTIC, TANH, ... store none). */
  record None() implements OperatorOptions {}

  /**
   * An options table of a kind edgeinfer does not decode.
   *
   * @param type the table's number in the format's {@code BuiltinOptions} union
   */
  record Other(int type) implements OperatorOptions {}

  /** {@code FullyConnectedOptions}. */
  record FullyConnected(
      Activation activation,
      WeightsFormat weightsFormat,
      boolean keepNumDims,
      boolean asymmetricQuantizeInputs)
      implements OperatorOptions {
    public FullyConnected {
      Objects.requireNonNull(activation, "activation");
      Objects.requireNonNull(weightsFormat, "weightsFormat");
    }

    public FullyConnected(Activation activation) {
      this(activation, WeightsFormat.DEFAULT, false, false);
    }

    /** How the weights are laid out; only {@code DEFAULT} (row-major [out, in]) is common. */
    public enum WeightsFormat {
      DEFAULT,
      /** Pre-shuffled int8 blocks for one ARM kernel of TFLite. */
      SHUFFLED4X16INT8
    }
  }

  /** {@code Conv2DOptions}; dilation factors default to 1. */
  record Conv2D(
      Padding padding,
      int strideW,
      int strideH,
      int dilationW,
      int dilationH,
      Activation activation)
      implements OperatorOptions {
    public Conv2D {
      Objects.requireNonNull(padding, "padding");
      Objects.requireNonNull(activation, "activation");
      atLeastOne("stride_w", strideW);
      atLeastOne("stride_h", strideH);
      atLeastOne("dilation_w_factor", dilationW);
      atLeastOne("dilation_h_factor", dilationH);
    }
  }

  /**
   * {@code DepthwiseConv2DOptions}. The depth multiplier is also implied by the filter's shape
   * (output channels / input channels); old converters relied on this field, newer ones on the
   * shape.
   */
  record DepthwiseConv2D(
      Padding padding,
      int strideW,
      int strideH,
      int depthMultiplier,
      int dilationW,
      int dilationH,
      Activation activation)
      implements OperatorOptions {
    public DepthwiseConv2D {
      Objects.requireNonNull(padding, "padding");
      Objects.requireNonNull(activation, "activation");
      atLeastOne("stride_w", strideW);
      atLeastOne("stride_h", strideH);
      atLeastOne("dilation_w_factor", dilationW);
      atLeastOne("dilation_h_factor", dilationH);
      if (depthMultiplier < 0) {
        throw new IllegalArgumentException(
            "expected depth_multiplier >= 0, found " + depthMultiplier);
      }
    }
  }

  /** {@code Pool2DOptions}, for AVERAGE_POOL_2D and MAX_POOL_2D. */
  record Pool2D(
      Padding padding,
      int strideW,
      int strideH,
      int filterWidth,
      int filterHeight,
      Activation activation)
      implements OperatorOptions {
    public Pool2D {
      Objects.requireNonNull(padding, "padding");
      Objects.requireNonNull(activation, "activation");
      atLeastOne("stride_w", strideW);
      atLeastOne("stride_h", strideH);
      atLeastOne("filter_width", filterWidth);
      atLeastOne("filter_height", filterHeight);
    }
  }

  /** {@code AddOptions}. */
  record Add(Activation activation) implements OperatorOptions {
    public Add {
      Objects.requireNonNull(activation, "activation");
    }
  }

  /** {@code SubOptions}. */
  record Sub(Activation activation) implements OperatorOptions {
    public Sub {
      Objects.requireNonNull(activation, "activation");
    }
  }

  /** {@code MulOptions}. */
  record Mul(Activation activation) implements OperatorOptions {
    public Mul {
      Objects.requireNonNull(activation, "activation");
    }
  }

  /** {@code ConcatenationOptions}; the axis may be negative (counted from the end). */
  record Concatenation(int axis, Activation activation) implements OperatorOptions {
    public Concatenation {
      Objects.requireNonNull(activation, "activation");
    }
  }

  /**
   * {@code ReshapeOptions}. When the operator also has a second input (a shape tensor), that input
   * wins; an empty list and an absent one mean the same in the format.
   */
  record Reshape(List<Integer> newShape) implements OperatorOptions {
    public Reshape {
      newShape = List.copyOf(newShape);
      for (int d : newShape) {
        if (d < -1) {
          throw new IllegalArgumentException(
              "expected new_shape sizes >= 0 or -1, found " + newShape);
        }
      }
    }
  }

  /** {@code SoftmaxOptions}: softmax(beta * x). */
  record Softmax(float beta) implements OperatorOptions {}

  /** {@code LeakyReluOptions}: x for x >= 0, alpha * x below. */
  record LeakyRelu(float alpha) implements OperatorOptions {}

  /** {@code ReducerOptions}, for MEAN, SUM and the other reductions. */
  record Reducer(boolean keepDims) implements OperatorOptions {}

  /** {@code SqueezeOptions}; empty means every dimension of size 1. */
  record Squeeze(List<Integer> squeezeDims) implements OperatorOptions {
    public Squeeze {
      squeezeDims = List.copyOf(squeezeDims);
    }
  }

  /** {@code PadOptions}: an empty table (the paddings are the second input). */
  record Pad() implements OperatorOptions {}

  /** {@code QuantizeOptions}: an empty table. */
  record Quantize() implements OperatorOptions {}

  /** {@code DequantizeOptions}: an empty table. */
  record Dequantize() implements OperatorOptions {}

  /** {@code ShapeOptions}: the type of the dimensions SHAPE writes, INT32 or INT64. */
  record Shape(DataType outputType) implements OperatorOptions {
    public Shape {
      if (outputType != DataType.INT32 && outputType != DataType.INT64) {
        throw new IllegalArgumentException(
            "expected a SHAPE output type int32 or int64, found " + outputType);
      }
    }
  }

  /** {@code ArgMaxOptions}: the index type of the output, INT32 or INT64. */
  record ArgMax(DataType outputType) implements OperatorOptions {
    public ArgMax {
      if (outputType != DataType.INT32 && outputType != DataType.INT64) {
        throw new IllegalArgumentException(
            "expected an ARG_MAX output type int32 or int64, found " + outputType);
      }
    }
  }

  /**
   * {@code StridedSliceOptions}: bit i of a mask speaks of entry i of begin/end/strides; {@code
   * offset} makes end relative to begin.
   */
  record StridedSlice(
      int beginMask,
      int endMask,
      int ellipsisMask,
      int newAxisMask,
      int shrinkAxisMask,
      boolean offset)
      implements OperatorOptions {}

  /** {@code TransposeConvOptions}: the padding and strides of the convolution it transposes. */
  record TransposeConv(Padding padding, int strideW, int strideH, Activation activation)
      implements OperatorOptions {
    public TransposeConv {
      Objects.requireNonNull(padding, "padding");
      Objects.requireNonNull(activation, "activation");
      atLeastOne("stride_w", strideW);
      atLeastOne("stride_h", strideH);
    }
  }

  /** {@code SVDFOptions}: the rank of the filters' decomposition and the fused activation. */
  record Svdf(int rank, Activation activation, boolean asymmetricQuantizeInputs)
      implements OperatorOptions {
    public Svdf {
      Objects.requireNonNull(activation, "activation");
    }
  }

  /**
   * {@code UnidirectionalSequenceLSTMOptions}: the cell gate's activation, clips (0 = none), and
   * whether time is the first axis.
   */
  record SequenceLstm(
      Activation activation,
      float cellClip,
      float projClip,
      boolean timeMajor,
      boolean asymmetricQuantizeInputs,
      boolean diagonalRecurrentTensors)
      implements OperatorOptions {
    public SequenceLstm {
      Objects.requireNonNull(activation, "activation");
    }
  }

  // ---- shape, text, resize and elementwise ops ----------------------------------------------

  /** {@code ResizeBilinearOptions}. */
  record ResizeBilinear(boolean alignCorners, boolean halfPixelCenters)
      implements OperatorOptions {}

  /** {@code ResizeNearestNeighborOptions}. */
  record ResizeNearestNeighbor(boolean alignCorners, boolean halfPixelCenters)
      implements OperatorOptions {}

  /** {@code GatherOptions}: the axis gathered along and the leading batch dimensions shared. */
  record Gather(int axis, int batchDims) implements OperatorOptions {}

  /** {@code PackOptions}: how many inputs are stacked, along which new axis. */
  record Pack(int valuesCount, int axis) implements OperatorOptions {}

  /** {@code UnpackOptions}: how many outputs, along which axis. */
  record Unpack(int num, int axis) implements OperatorOptions {}

  /** {@code SplitOptions}. */
  record Split(int numSplits) implements OperatorOptions {}

  /** {@code SplitVOptions}. */
  record SplitV(int numSplits) implements OperatorOptions {}

  /** {@code DivOptions}. */
  record Div(Activation activation) implements OperatorOptions {
    public Div {
      Objects.requireNonNull(activation, "activation");
    }
  }

  private static void atLeastOne(String field, int value) {
    if (value < 1) {
      throw new IllegalArgumentException("expected " + field + " >= 1, found " + value);
    }
  }
}
