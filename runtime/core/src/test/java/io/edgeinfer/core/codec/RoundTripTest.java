package io.edgeinfer.core.codec;

import static io.edgeinfer.core.codec.TestSignatures.one;
import static io.edgeinfer.core.codec.TestSignatures.outputs;
import static io.edgeinfer.core.codec.TestSignatures.spec;
import static io.edgeinfer.core.codec.TestSignatures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values that are easy to lose on the way through text or bytes come back bit for bit. */
class RoundTripTest {
  private static final float[] FLOATS = {
    0.1f,
    0.3f,
    1f / 3,
    Float.MIN_VALUE,
    1e-45f,
    Float.MIN_NORMAL,
    Float.MAX_VALUE,
    -Float.MAX_VALUE,
    16777217f,
    Math.nextUp(1f),
    -0.0f,
    0.0f,
    1e10f,
    123456.79f,
    Float.NaN,
    Float.POSITIVE_INFINITY,
    Float.NEGATIVE_INFINITY
  };
  private static final long[] LONGS = {
    16777217L, 9007199254740993L, Long.MAX_VALUE, Long.MIN_VALUE, -1L, 0L
  };
  private static final double[] DOUBLES = {
    0.1, Double.MIN_VALUE, Double.MAX_VALUE, -0.0, 9007199254740993.0, 1.0 / 3
  };

  /** Predictions in, instances out, as a client echoing them back would. */
  private static Tensor throughJson(Tensor tensor, DataType type) {
    String json = OutputEncoder.toJson(Map.of("v", tensor), outputs(spec("v", type, -1)), false);
    String request = json.replace("\"predictions\"", "\"instances\"");
    return InputDecoder.decode(Format.JSON, utf8(request), one("v", type, -1)).inputs().get("v");
  }

  @Test
  void float32ThroughJson() {
    Tensor tensor = Tensor.ofFloats(FLOATS);
    assertBits(FLOATS, throughJson(tensor, DataType.FLOAT32).toFloatArray());
  }

  @Test
  void float32ThroughColumnarJson() {
    Tensor tensor = Tensor.ofFloats(FLOATS);
    String json =
        OutputEncoder.toJson(Map.of("v", tensor), outputs(spec("v", DataType.FLOAT32, -1)), true)
            .replace("\"outputs\"", "\"inputs\"");
    Tensor back =
        InputDecoder.decode(Format.JSON, utf8(json), one("v", DataType.FLOAT32, -1))
            .inputs()
            .get("v");
    assertBits(FLOATS, back.toFloatArray());
  }

  @Test
  void int64AndFloat64ThroughJson() {
    assertEquals(Tensor.ofLongs(LONGS), throughJson(Tensor.ofLongs(LONGS), DataType.INT64));
    assertEquals(
        Tensor.ofDoubles(DOUBLES), throughJson(Tensor.ofDoubles(DOUBLES), DataType.FLOAT64));
  }

  @Test
  void everyTypeThroughNpy() {
    Tensor floats = Tensor.ofFloats(FLOATS);
    assertBits(FLOATS, NpyCodec.read(NpyCodec.write(floats)).toFloatArray());
    Tensor[] tensors = {
      Tensor.ofFloats(FLOATS, 1, FLOATS.length).reshape(Shape.of(FLOATS.length)),
      Tensor.ofLongs(LONGS, 2, 3),
      Tensor.ofDoubles(DOUBLES, 3, 2),
      Tensor.ofInts(new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE}),
      Tensor.ofBytes(DataType.INT8, new byte[] {-128, 127}),
      Tensor.ofBytes(DataType.UINT8, new byte[] {0, (byte) 255}),
      Tensor.ofBytes(DataType.BOOL, new byte[] {1, 0, 1}, 1, 3, 1),
      Tensor.ofFloats(new float[] {3.5f}).reshape(Shape.of()),
      Tensor.ofFloats(new float[0], 0, 4)
    };
    for (Tensor tensor : tensors) {
      assertEquals(tensor, NpyCodec.read(NpyCodec.write(tensor)), tensor.toString());
    }
  }

  private static void assertBits(float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      float value = expected[i];
      assertEquals(
          Float.floatToIntBits(value), Float.floatToIntBits(actual[i]), () -> "value " + value);
    }
  }
}
