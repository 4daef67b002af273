package io.edgeinfer.bench.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks that every benchmark times real work: one call of each configuration, in each kernel set,
 * gives a varied output that equals the reference's (int8 bit for bit, float32 up to rounding).
 * Nothing is timed here. Surefire adds the incubator module, so the vector classes run too.
 */
class BenchmarksAgreeTest {
  /** One benchmark configuration, built for a kernel set's name. */
  record Case(String name, Function<String, KernelBenchmark> build) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (Precision precision : Precision.values()) {
      for (String shape : List.of("32-64-64-10:b1", "256-256:b32")) {
        cases.add(
            new Case(
                "fully connected " + shape + " " + precision,
                set -> fullyConnected(set, shape, precision)));
      }
      cases.add(new Case("conv " + precision, set -> conv(set, precision)));
      cases.add(new Case("depthwise " + precision, set -> depthwise(set, precision)));
      for (String layer : MobileNetLayerBenchmark.LAYERS) {
        cases.add(
            new Case(
                "MobileNet " + layer + " " + precision, set -> mobileNet(set, layer, precision)));
      }
    }
    return cases;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void everySetComputesTheReferenceOutput(Case c) {
    Object reference = once(c.build().apply("reference"));
    assertTrue(distinctValues(reference) >= 10, c + ": expected a varied output");
    for (String set : List.of("fast", "vector")) {
      Object output = once(c.build().apply(set));
      if (reference instanceof byte[] expected) {
        assertArrayEquals(expected, (byte[]) output, c + " in " + set);
      } else {
        float[] expected = (float[]) reference;
        float[] actual = (float[]) output;
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
          float tolerance = 1e-4f * Math.max(1f, Math.abs(expected[i]));
          assertEquals(expected[i], actual[i], tolerance, c + " in " + set + " at " + i);
        }
      }
    }
  }

  @Test
  void aMalformedShapeSaysWhatWasExpected() {
    KernelBenchmark b = fullyConnected("fast", "32x64", Precision.FLOAT32);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::setUp);
    assertEquals(
        "expected a shape like 32-64-64-10:b1 (widths, then the batch), found 32x64",
        e.getMessage());
  }

  /** Sets up and runs once; returns a copy of the output. */
  private static Object once(KernelBenchmark b) {
    b.setUp();
    Object output = b.run();
    return output instanceof byte[] bytes ? bytes.clone() : ((float[]) output).clone();
  }

  private static int distinctValues(Object output) {
    Set<Float> values = new HashSet<>();
    if (output instanceof byte[] bytes) {
      for (byte v : bytes) {
        values.add((float) v);
      }
    } else {
      for (float v : (float[]) output) {
        values.add(v);
      }
    }
    return values.size();
  }

  private static KernelBenchmark fullyConnected(String set, String shape, Precision precision) {
    FullyConnectedBenchmark b;
    if (set.equals("vector")) {
      FullyConnectedBenchmark.Vector v = new FullyConnectedBenchmark.Vector();
      v.kernels = set;
      b = v;
    } else {
      FullyConnectedBenchmark.Plain p = new FullyConnectedBenchmark.Plain();
      p.kernels = set;
      b = p;
    }
    b.shape = shape;
    b.precision = precision;
    return b;
  }

  private static KernelBenchmark conv(String set, Precision precision) {
    Conv2dBenchmark b;
    if (set.equals("vector")) {
      Conv2dBenchmark.Vector v = new Conv2dBenchmark.Vector();
      v.kernels = set;
      b = v;
    } else {
      Conv2dBenchmark.Plain p = new Conv2dBenchmark.Plain();
      p.kernels = set;
      b = p;
    }
    b.precision = precision;
    return b;
  }

  private static KernelBenchmark mobileNet(String set, String layer, Precision precision) {
    MobileNetLayerBenchmark b;
    if (set.equals("vector")) {
      MobileNetLayerBenchmark.Vector v = new MobileNetLayerBenchmark.Vector();
      v.kernels = set;
      b = v;
    } else {
      MobileNetLayerBenchmark.Plain p = new MobileNetLayerBenchmark.Plain();
      p.kernels = set;
      b = p;
    }
    b.layer = layer;
    b.precision = precision;
    return b;
  }

  @Test
  void mobileNetLayersCountTheirMultiplyAdds() {
    // 112x112 outputs of 8 channels, 27 taps each; 56x56 of 32 from 32; 28x28 of 144, 9 taps.
    assertEquals(112L * 112 * 8 * 27, MobileNetLayerBenchmark.macs("conv3x3_224x3to8_s2"));
    assertEquals(56L * 56 * 32 * 32, MobileNetLayerBenchmark.macs("pw_56x32to32"));
    assertEquals(28L * 28 * 144 * 9, MobileNetLayerBenchmark.macs("dw_56x144_s2"));
  }

  private static KernelBenchmark depthwise(String set, Precision precision) {
    DepthwiseConv2dBenchmark b;
    if (set.equals("vector")) {
      DepthwiseConv2dBenchmark.Vector v = new DepthwiseConv2dBenchmark.Vector();
      v.kernels = set;
      b = v;
    } else {
      DepthwiseConv2dBenchmark.Plain p = new DepthwiseConv2dBenchmark.Plain();
      p.kernels = set;
      b = p;
    }
    b.precision = precision;
    return b;
  }
}
