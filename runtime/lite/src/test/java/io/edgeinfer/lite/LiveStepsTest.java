package io.edgeinfer.lite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.kernels.KernelSelector;
import io.edgeinfer.lite.models.SpeedModels;
import io.edgeinfer.lite.ops.Step;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bound call runs the steps its outputs need, back through their inputs, and no others. */
class LiveStepsTest {
  private static int tensor(LiteModel model, String name) {
    List<io.edgeinfer.lite.format.LiteTensor> tensors = model.subgraphs().get(0).tensors();
    for (int t = 0; t < tensors.size(); t++) {
      if (tensors.get(t).name().equals(name)) {
        return t;
      }
    }
    throw new AssertionError(name);
  }

  private static List<String> ops(Step[] steps) {
    return Arrays.stream(steps).map(Step::op).toList();
  }

  @Test
  void runsWhatTheBoundOutputsNeed() throws Exception {
    LiteModel model = SpeedModels.seedMlp();
    Program program = Program.compile(model, 0, KernelSelector.select("reference"));
    assertEquals(
        List.of("SUB", "MUL", "FULLY_CONNECTED", "FULLY_CONNECTED", "FULLY_CONNECTED", "SOFTMAX"),
        ops(
            LiveSteps.of(
                program.steps, program.graph, new int[] {tensor(model, "probabilities")})));
    assertEquals(
        List.of("SUB", "MUL", "FULLY_CONNECTED"),
        ops(LiveSteps.of(program.steps, program.graph, new int[] {tensor(model, "h1")})));
    assertEquals(List.of(), ops(LiveSteps.of(program.steps, program.graph, new int[0])));
  }
}
