package io.edgeinfer.lite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.TfliteFile;
import io.edgeinfer.lite.kernels.KernelSelector;
import io.edgeinfer.lite.kernels.ReferenceKernels;
import io.edgeinfer.lite.kernels.Shapes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Shared arrays change no result: every model runs once with one array per tensor and once with the
 * planned arrays, first filled with garbage, and gives the same bits. Also the planned arena of a
 * real MobileNet, and that the estimate's arena is the plan's.
 */
class PlannedArenaTest {

  private static Path zoo(String name) {
    Path root = Path.of(System.getProperty("edgeinfer.shared", "../shared"));
    Path path = root.resolve("models").resolve(name);
    assumeTrue(
        Files.exists(path), "skipped: " + path + " is absent (the shared models are not here)");
    return path;
  }

  private static int[][] inputShapes(Program program) {
    List<Integer> inputs = program.graph.inputs();
    int[][] shapes = new int[inputs.size()][];
    for (int i = 0; i < shapes.length; i++) {
      shapes[i] = program.graph.tensor(inputs.get(i)).shape().dims();
    }
    return shapes;
  }

  /** The outputs' values (as double) after one run; arrays filled with garbage first if asked. */
  private static List<double[]> run(Program program, boolean shared) throws Exception {
    Plan plan = Plan.of(program, inputShapes(program), shared);
    Map<Object, Boolean> constants = new IdentityHashMap<>();
    for (Object constant : program.constants) {
      if (constant != null) {
        constants.put(constant, true);
      }
    }
    for (Object array : plan.buffers) {
      if (array != null && !constants.containsKey(array)) {
        poison(array);
      }
    }
    for (int input : program.graph.inputs()) {
      fill(plan.buffers[input], Shapes.size(plan.shapes[input]));
    }
    plan.run(program);
    List<double[]> outputs = new ArrayList<>();
    for (int output : program.graph.outputs()) {
      outputs.add(values(plan.buffers[output], Shapes.size(plan.shapes[output])));
    }
    return outputs;
  }

  private static void poison(Object array) {
    if (array instanceof float[] floats) {
      Arrays.fill(floats, Float.NaN);
    } else if (array instanceof byte[] bytes) {
      Arrays.fill(bytes, (byte) 0x5A);
    } else if (array instanceof int[] ints) {
      Arrays.fill(ints, 0x5A5A5A5A);
    } else {
      Arrays.fill((long[]) array, -1L);
    }
  }

  private static void fill(Object array, int size) {
    for (int i = 0; i < size; i++) {
      if (array instanceof float[] floats) {
        floats[i] = (float) Math.sin(0.37 * i);
      } else if (array instanceof byte[] bytes) {
        bytes[i] = (byte) (i * 37);
      } else {
        ((int[]) array)[i] = i % 7;
      }
    }
  }

  private static double[] values(Object array, int size) {
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      out[i] =
          array instanceof float[] f
              ? f[i]
              : array instanceof byte[] b
                  ? b[i]
                  : array instanceof int[] n ? n[i] : ((long[]) array)[i];
    }
    return out;
  }

  private static void assertSameResults(LiteModel model) throws Exception {
    for (var kernels : List.of(KernelSelector.kernels(), new ReferenceKernels())) {
      Program program = Program.compile(model, 0, kernels);
      List<double[]> alone = run(program, false);
      List<double[]> shared = run(program, true);
      assertEquals(alone.size(), shared.size());
      for (int i = 0; i < alone.size(); i++) {
        assertTrue(Arrays.stream(alone.get(i)).noneMatch(Double::isNaN), "unshared output " + i);
        assertArrayEquals(alone.get(i), shared.get(i), kernels.name() + " output " + i);
      }
    }
  }

  @Test
  void writerModelsGiveTheSameResults() throws Exception {
    assertSameResults(MemoryPlannerTest.chain());
    assertSameResults(TinyMlp.model());
    assertSameResults(ManyOpsModel.model());
  }

  @Test
  void googleModelsGiveTheSameResults() throws Exception {
    assertSameResults(TfliteFile.open(zoo("tflite/hello_world_int8.tflite")));
    assertSameResults(TfliteFile.open(zoo("tflite/hello_world_float.tflite")));
  }

  @Test
  void mobileNetGivesTheSameResultsInAQuarterOfTheMemory() throws Exception {
    LiteModel model = TfliteFile.open(zoo("zoo/mobilenet_v1_0.25_224_1_metadata_1.tflite"));
    assertSameResults(model);
    Program program = Program.compile(model, 0, KernelSelector.kernels());
    Plan plan = Plan.of(program, inputShapes(program));
    // Two arrays: the pointwise conv's 112x112x16 floats (802,816 bytes) and the input's
    // 224x224x3 floats (602,112 bytes); every other activation takes turns in them.
    assertEquals(802_816 + 602_112, plan.arenaBytes());
    assertEquals(2, plan.layout.slots().size());
    assertEquals(
        plan.arenaBytes(), LiteMemoryEstimate.layout(model, model.mainSubgraph(), 1).arenaBytes());
    // One array per tensor, as before the planner: 5,657,836 bytes.
    assertEquals(5_657_836, plan.layout.unsharedBytes());
  }
}
