package io.edgeinfer.quantize.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.tensorflow.testing.SharedModels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.NodeDef;

class GraphFreezerTest {

  @Test
  void tf1VariablesBecomeConstantsAndTheExampleParserIsCut() throws Exception {
    FrozenGraph graph =
        GraphFreezer.freeze(
            SharedModels.require("savedmodel/half_plus_two_tf1"), "serving_default");
    assertEquals(List.of("x"), List.copyOf(graph.inputs().keySet()));
    assertEquals(List.of("y"), List.copyOf(graph.outputs().keySet()));
    List<String> ops = graph.nodes().values().stream().map(NodeDef::getOp).sorted().toList();
    assertEquals(List.of("Add", "Const", "Const", "Mul", "Placeholder"), ops);
    float[] values =
        graph.constants().values().stream()
            .map(c -> c.floats()[0])
            .sorted()
            .collect(
                () -> new float[2], (a, v) -> a[a[0] == 0 && a[1] == 0 ? 0 : 1] = v, (a, b) -> {});
    assertArrayEquals(new float[] {0.5f, 2f}, values);
  }

  @Test
  void tf2FunctionsAreInlinedAndResourceVariablesRead() throws Exception {
    FrozenGraph graph =
        GraphFreezer.freeze(
            SharedModels.require("savedmodel/half_plus_two_tf2"), "serving_default");
    List<String> ops = graph.nodes().values().stream().map(NodeDef::getOp).sorted().toList();
    assertEquals(List.of("AddV2", "Const", "Const", "Mul", "Placeholder"), ops);
    assertTrue(graph.outputs().get("y").node().contains("StatefulPartitionedCall"));
  }

  @Test
  void stringInputsAreRefusedWithTheSignatureAndType() {
    Path model = SharedModels.require("savedmodel/half_plus_two_tf1");
    ConversionException e =
        assertThrows(ConversionException.class, () -> GraphFreezer.freeze(model, "regress_x_to_y"));
    assertEquals(
        "signature regress_x_to_y takes input inputs of type string; expected float32 inputs (a"
            + " .tflite model takes numeric tensors, not serialized examples)",
        e.getMessage());
  }

  @Test
  void unknownSignatureListsTheKnownOnes() {
    Path model = SharedModels.require("savedmodel/half_plus_two_tf2");
    ConversionException e =
        assertThrows(ConversionException.class, () -> GraphFreezer.freeze(model, "nope"));
    assertTrue(e.getMessage().startsWith("unknown signature nope in "), e.getMessage());
    assertTrue(e.getMessage().contains("serving_default"), e.getMessage());
  }

  @Test
  void aFolderWithoutSavedModelIsNamed(@TempDir Path dir) {
    ConversionException e =
        assertThrows(ConversionException.class, () -> GraphFreezer.freeze(dir, "serving_default"));
    assertEquals(
        "expected a SavedModel directory with saved_model.pb, found a directory without it: " + dir,
        e.getMessage());
  }
}
