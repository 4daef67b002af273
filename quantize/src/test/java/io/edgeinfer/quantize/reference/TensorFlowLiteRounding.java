package io.edgeinfer.quantize.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

/**
 * How far TensorFlow Lite 2.6.2's optimized int8 kernels may be from the reference kernels (the
 * oracle), as measured operator by operator ({@link OpByOp}) and explained: FULLY_CONNECTED and
 * CONV_2D run on ruy, which applies the output multiplier with one rounding where the reference
 * rounds twice ({@code FullyConnectedRoundingTest} shows it bit for bit); MEAN's optimized kernel
 * rescales its sum its own way; SOFTMAX's optimized kernel works from a float exp table and puts a
 * rare value one step from the reference's fixed point ({@code Int8SoftmaxInThreeRuntimesTest}).
 * Every other operator our files hold agrees bit for bit. Larger differences at a file's output are
 * these steps carried forward and magnified by later operators, not further kernel differences.
 */
public final class TensorFlowLiteRounding {
  private TensorFlowLiteRounding() {}

  /** Operators whose TFLite 2.6.2 kernel may differ by one step on identical inputs. */
  public static final Set<String> ONE_STEP =
      Set.of("FULLY_CONNECTED", "CONV_2D", "MEAN", "SOFTMAX");

  /** Steps an operator may differ by, fed the same inputs in both runtimes. */
  public static int stepsAlone(String op) {
    return ONE_STEP.contains(op) ? 1 : 0;
  }

  /** Asserts that every operator replayed alone stays within its bound. */
  public static void assertEachOperatorWithinItsBound(List<OpByOp.OpAgreement> agreements) {
    for (OpByOp.OpAgreement a : agreements) {
      assertTrue(a.alone().max() <= stepsAlone(a.op()), a.toString());
    }
  }

  /**
   * The most a softmax output (scale 1/256) can move when each of its inputs moves by at most
   * {@code inputSteps} of {@code inputScale}: a probability {@code p = 1 / (1 + u)} whose {@code u}
   * (the sum of the other classes' {@code e^(x_k - x_j)}) changes by a factor within {@code
   * e^(+-2d)}, {@code d = inputScale * inputSteps}, moves by at most {@code tanh(d / 2)} (the
   * largest change, at {@code u = e^-d}); plus one step for the two runtimes' rounding (TFLite's
   * float table within half a step, the reference's fixed point within one).
   */
  public static int softmaxSteps(float inputScale, int inputSteps) {
    double d = (double) inputScale * inputSteps;
    return (int) Math.ceil(256 * Math.tanh(d / 2)) + 1;
  }
}
