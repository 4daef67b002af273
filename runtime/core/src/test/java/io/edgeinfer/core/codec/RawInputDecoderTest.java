package io.edgeinfer.core.codec;

import static io.edgeinfer.core.codec.TestSignatures.inputs;
import static io.edgeinfer.core.codec.TestSignatures.one;
import static io.edgeinfer.core.codec.TestSignatures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class RawInputDecoderTest {
  private static byte[] floats(float... values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float value : values) {
      buffer.putFloat(value);
    }
    return buffer.array();
  }

  private static Tensor decode(byte[] payload, Signature signature) {
    return InputDecoder.decode(Format.RAW, payload, signature).inputs().values().iterator().next();
  }

  private static String error(byte[] payload, Signature signature) {
    return assertThrows(MalformedInputException.class, () -> decode(payload, signature))
        .getMessage();
  }

  @Test
  void theBatchIsHowManyInstancesTheBytesHold() {
    assertEquals(
        Tensor.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3),
        decode(floats(1, 2, 3, 4, 5, 6), one("x", DataType.FLOAT32, -1, 3)));
    assertEquals(
        Tensor.ofFloats(new float[] {1, 2, 3, 4}, 1, 2, 2),
        decode(floats(1, 2, 3, 4), one("x", DataType.FLOAT32, -1, 2, 2)));
    assertEquals(
        Tensor.ofFloats(new float[] {1, 2}, 2),
        decode(floats(1, 2), one("x", DataType.FLOAT32, -1)));
  }

  @Test
  void lengthsThatDoNotDivideAreRefused() {
    assertEquals(
        "expected a multiple of 4 bytes of float32, found 10 bytes: 2 left over at byte 8",
        error(new byte[10], one("x", DataType.FLOAT32, -1, 3)));
    assertEquals(
        "expected a multiple of 12 bytes (3 float32 values per instance of input 'x' [-1, 3]),"
            + " found 16 bytes: 4 left over at byte 12",
        error(new byte[16], one("x", DataType.FLOAT32, -1, 3)));
    assertEquals(
        "expected instances of 12 bytes (3 float32 values per instance of input 'x' [-1, 3]),"
            + " found 0 bytes",
        error(new byte[0], one("x", DataType.FLOAT32, -1, 3)));
  }

  @Test
  void theSpecMustFixTheInstanceShape() {
    assertEquals(
        "raw input needs fixed dimensions after the batch dimension, found input 'x' [-1, -1]:"
            + " send JSON or NPY instead",
        error(new byte[8], one("x", DataType.FLOAT32, -1, -1)));
    assertEquals(
        "raw input is little-endian float32, found int64 input 'x': send JSON, CSV or NPY"
            + " instead",
        error(new byte[8], one("x", DataType.INT64, -1)));
    assertEquals(
        "RAW input needs a signature with exactly one input, found 2 (a, b) in signature"
            + " 'serving_default': send JSON instead",
        error(
            new byte[8], inputs(spec("a", DataType.FLOAT32, -1), spec("b", DataType.FLOAT32, -1))));
  }
}
