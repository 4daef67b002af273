package io.edgeinfer.core.codec;

import static io.edgeinfer.core.codec.NpyFiles.dict;
import static io.edgeinfer.core.codec.NpyFiles.npy;
import static io.edgeinfer.core.codec.TestSignatures.inputs;
import static io.edgeinfer.core.codec.TestSignatures.one;
import static io.edgeinfer.core.codec.TestSignatures.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import org.junit.jupiter.api.Test;

/** NPY payloads through {@link InputDecoder}: conversion to the spec's type and shape. */
class NpyInputDecoderTest {
  private static Tensor decode(byte[] file, Signature signature) {
    return InputDecoder.decode(Format.NPY, file, signature).inputs().values().iterator().next();
  }

  @Test
  void float64DataForAFloat32InputIsRounded() {
    Tensor values = NpyCodec.read(NpyCodec.write(Tensor.ofDoubles(new double[] {0.1, 2.5}, 2)));
    assertEquals(
        Tensor.ofFloats(new float[] {0.1f, 2.5f}, 2, 1),
        decode(NpyCodec.write(values), one("x", DataType.FLOAT32, -1, 1)));
  }

  @Test
  void int64DataForAFloat32InputRoundsOnce() {
    // 2^53 + 2^29 + 1 is just above halfway between the floats 2^53 and 2^53 + 2^30, so it
    // rounds up. Through double it would first become exactly halfway, then tie down to 2^53.
    long value = (1L << 53) + (1L << 29) + 1;
    Tensor converted =
        decode(NpyCodec.write(Tensor.ofLongs(new long[] {value})), one("x", DataType.FLOAT32, -1));
    assertEquals(0x1p53f + 0x1p30f, converted.toFloatArray()[0]);
  }

  @Test
  void fractionsAreNotTruncatedIntoIntegers() {
    byte[] file = NpyCodec.write(Tensor.ofFloats(new float[] {1f, 2.5f}));
    MalformedInputException e =
        assertThrows(
            MalformedInputException.class, () -> decode(file, one("x", DataType.INT64, -1)));
    assertEquals(
        "input 'x': expected an integer for int64, found 2.5 at element 1 (row-major)",
        e.getMessage());
    assertEquals(
        Tensor.ofLongs(new long[] {1, 3}, 2),
        decode(
            NpyCodec.write(Tensor.ofFloats(new float[] {1f, 3f})), one("x", DataType.INT64, -1)));
  }

  @Test
  void boolsConvertOnlyFromZeroAndOne() {
    assertEquals(
        Tensor.ofBytes(DataType.BOOL, new byte[] {1, 0}, 2),
        decode(npy(1, dict("|u1", "(2,)"), 1, 0), one("b", DataType.BOOL, -1)));
    MalformedInputException e =
        assertThrows(
            MalformedInputException.class,
            () -> decode(npy(1, dict("|u1", "(1,)"), 2), one("b", DataType.BOOL, -1)));
    assertEquals(
        "input 'b': expected 0 or 1 for bool, found 2 at element 0 (row-major)", e.getMessage());
  }

  @Test
  void onlyOneInputSignatures() {
    byte[] file = npy(1, dict("<f4", "(1,)"), 0, 0, 0, 0);
    MalformedInputException e =
        assertThrows(
            MalformedInputException.class,
            () ->
                decode(
                    file,
                    inputs(spec("a", DataType.FLOAT32, -1), spec("b", DataType.FLOAT32, -1))));
    assertEquals(
        "NPY input needs a signature with exactly one input, found 2 (a, b) in signature"
            + " 'serving_default': send JSON instead",
        e.getMessage());
  }
}
