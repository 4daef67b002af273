package io.edgeinfer.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.NpyCodec;
import io.edgeinfer.quantize.graph.ConversionException;
import io.edgeinfer.quantize.quant.Mode;
import io.edgeinfer.tensorflow.testing.TestSavedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {
  @TempDir Path dir;

  @Test
  void notASavedModel() throws Exception {
    Path file = Files.writeString(dir.resolve("model.txt"), "hello");
    ConversionException e =
        assertThrows(
            ConversionException.class,
            () ->
                Quantizer.quantize(
                    QuantizeRequest.of(file, Mode.FLOAT32, null, dir.resolve("out.tflite"))));
    assertEquals(
        "expected a SavedModel directory with saved_model.pb, found a file: " + file,
        e.getMessage());
  }

  @Test
  void stringInputs() throws Exception {
    Path model = TestSavedModels.strings(dir.resolve("strings"));
    ConversionException e =
        assertThrows(
            ConversionException.class,
            () ->
                Quantizer.quantize(
                    QuantizeRequest.of(model, Mode.FLOAT32, null, dir.resolve("out.tflite"))));
    assertTrue(e.getMessage().contains("of type string; expected float32 inputs"), e.getMessage());
  }

  @Test
  void int8WithoutCalibrationData() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> QuantizeRequest.of(dir, Mode.INT8, null, dir.resolve("out.tflite")));
    assertEquals(
        "expected --calibration-data for mode int8 (activation ranges come from real inputs),"
            + " found none",
        e.getMessage());
  }

  @Test
  void calibrationDataOfTheWrongWidth() throws Exception {
    Path model = TestSavedModels.affine(dir.resolve("affine"));
    Path data = dir.resolve("wide.npy");
    Files.write(
        data, NpyCodec.write(Tensor.ofFloats(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 2, 5)));
    ConversionException e =
        assertThrows(
            ConversionException.class,
            () ->
                Quantizer.quantize(
                    new QuantizeRequest(
                        model,
                        "double",
                        Mode.INT8,
                        data,
                        100,
                        100,
                        false,
                        false,
                        null,
                        null,
                        dir.resolve("out.tflite"))));
    assertEquals(
        "expected samples of shape [3] (rows of 3 values, or 4 with a label last) in "
            + data
            + ", found [2, 5]",
        e.getMessage());
  }

  @Test
  void unsupportedOpsAreAllNamedAndNothingIsWritten() throws Exception {
    Path model = TestSavedModels.affine(dir.resolve("affine"));
    Path out = dir.resolve("out.tflite");
    ConversionException e =
        assertThrows(
            ConversionException.class,
            () -> Quantizer.quantize(QuantizeRequest.of(model, Mode.FLOAT32, null, out)));
    assertEquals(
        "cannot convert signature serving_default: no TFLite mapping for the TensorFlow ops Sum"
            + " (total)",
        e.getMessage());
    assertFalse(Files.exists(out));
  }
}
