package io.edgeinfer.lite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.UnsupportedModelException;
import io.edgeinfer.lite.format.Activation;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.Padding;
import io.edgeinfer.lite.format.QuantParams;
import io.edgeinfer.lite.format.TfliteWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the 16x8 ops cannot run is refused at load, each operator named once with its reason. */
class Int16RefusalTest {
  @TempDir Path dir;

  @Test
  void asymmetricInt16AndHybridTransposeConvAreRefusedAtLoad() throws Exception {
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    // int16 activations must be symmetric: zero point 5 is refused.
    int x = g.tensor("x", DataType.INT16, QuantParams.perTensor(0.01f, 5), 1, 3, 3, 1);
    int w =
        g.constant(
            "w",
            DataType.INT8,
            Shape.of(1, 1, 1, 1),
            LiteBuffer.of((byte) 1),
            QuantParams.perTensor(0.5f, 0));
    int y = g.tensor("y", DataType.INT16, QuantParams.perTensor(0.01f, 0), 1, 3, 3, 1);
    g.operator(
        BuiltinOperator.CONV_2D,
        new OperatorOptions.Conv2D(Padding.VALID, 1, 1, 1, 1, Activation.NONE),
        new int[] {x, w},
        y);
    // TFLite Micro has no hybrid TRANSPOSE_CONV (float input, int8 filter); neither do we.
    int shape = g.constant("shape", DataType.INT32, Shape.of(4), LiteBuffer.ofInts(1, 3, 3, 1));
    int f = g.tensor("f", DataType.FLOAT32, 1, 3, 3, 1);
    int z = g.tensor("z", DataType.FLOAT32, 1, 3, 3, 1);
    g.operator(
        BuiltinOperator.TRANSPOSE_CONV,
        new OperatorOptions.TransposeConv(Padding.SAME, 1, 1, Activation.NONE),
        new int[] {shape, w, f},
        z);
    g.inputs(x, f).outputs(y, z);
    Path file = dir.resolve("refused.tflite");
    TfliteWriter.write(b.build(), file);
    UnsupportedModelException e =
        assertThrows(
            UnsupportedModelException.class, () -> Engines.load(file, LoadOptions.DEFAULTS));
    List<String> reasons = e.unsupported();
    assertEquals(2, reasons.size(), reasons.toString());
    assertTrue(
        reasons.get(0).startsWith("CONV_2D (") && reasons.get(0).contains("zero point 5"),
        reasons.toString());
    assertEquals("TRANSPOSE_CONV (float32 input with filter int8)", reasons.get(1));
  }
}
