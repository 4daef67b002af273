package io.edgeinfer.lite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.lite.MemoryPlanner.ArrayKind;
import io.edgeinfer.lite.MemoryPlanner.Need;
import io.edgeinfer.lite.format.Activation;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.kernels.KernelSelector;
import io.edgeinfer.lite.ops.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lifetimes and shared arrays worked out by hand. */
class MemoryPlannerTest {
  private static final int X = 0;
  private static final int H1 = 3;
  private static final int H2 = 6;
  private static final int S = 7;
  private static final int Y = 10;

  /**
   * x [1,4] -> FC 8 (h1, step 0) -> FC 8 (h2, step 1) -> ADD h1 + h2 (s, step 2) -> FC 2 (y, step
   * 3). Lifetimes: x -1..0, h1 0..2, h2 1..2, s 2..3, y 3..4 (an output, read back after the last
   * step). Every weight is 1 and every bias 0, so each FC sums its inputs.
   */
  static LiteModel chain() {
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, 1, 4);
    int h1 = fullyConnected(g, "h1", x, 4, 8);
    int h2 = fullyConnected(g, "h2", h1, 8, 8);
    int s = g.tensor("s", DataType.FLOAT32, 1, 8);
    g.operator(
        BuiltinOperator.ADD, new OperatorOptions.Add(Activation.NONE), new int[] {h1, h2}, s);
    int y = fullyConnected(g, "y", s, 8, 2);
    g.inputs(x).outputs(y);
    assertArrayEquals(new int[] {X, H1, H2, S, Y}, new int[] {x, h1, h2, s, y});
    return b.build();
  }

  private static int fullyConnected(LiteModelBuilder.Graph g, String name, int in, int n, int m) {
    float[] ones = new float[m * n];
    java.util.Arrays.fill(ones, 1f);
    int w = g.constant(name + "_w", DataType.FLOAT32, Shape.of(m, n), LiteBuffer.ofFloats(ones));
    int bias =
        g.constant(name + "_b", DataType.FLOAT32, Shape.of(m), LiteBuffer.ofFloats(new float[m]));
    int out = g.tensor(name, DataType.FLOAT32, 1, m);
    g.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(Activation.NONE),
        new int[] {in, w, bias},
        out);
    return out;
  }

  @Test
  void sharesArraysBetweenTensorsOfDisjointLifetimes() throws Exception {
    Program program = Program.compile(chain(), 0, KernelSelector.kernels());
    Plan plan = Plan.of(program, new int[][] {{1, 4}});
    // Largest first: h1 takes array 0, h2 (overlaps h1) array 1, s (overlaps both at step 2)
    // array 2; x (-1..0) fits beside h2 (1..2) in array 1; y (3..4) beside h1 (0..2) in array 0.
    assertSame(plan.buffers[H1], plan.buffers[Y]);
    assertSame(plan.buffers[H2], plan.buffers[X]);
    assertNotSame(plan.buffers[H1], plan.buffers[H2]);
    assertNotSame(plan.buffers[S], plan.buffers[H1]);
    assertNotSame(plan.buffers[S], plan.buffers[H2]);
    assertEquals(3 * 8 * 4, plan.arenaBytes());
    assertEquals((4 + 8 + 8 + 8 + 2) * 4, plan.layout.unsharedBytes());
    // No step writes an array it reads.
    for (Step step : program.steps) {
      for (int in : step.inputs()) {
        for (int out : step.outputs()) {
          assertNotSame(plan.buffers[in], plan.buffers[out], step.op());
        }
      }
    }
    // x = 1,2,3,4: h1 = 10 (x8), h2 = 80 (x8), s = 90, y = 720, though y's array held h1.
    float[] x = (float[]) plan.buffers[X];
    System.arraycopy(new float[] {1, 2, 3, 4}, 0, x, 0, 4);
    plan.run(program);
    float[] y = (float[]) plan.buffers[Y];
    assertEquals(8, y.length);
    assertArrayEquals(new float[] {720, 720}, java.util.Arrays.copyOf(y, 2));
  }

  @Test
  void theEstimatePlansTheSameArraysFromTheFileAlone() throws Exception {
    LiteModel model = chain();
    MemoryPlanner.Layout fromFile = LiteMemoryEstimate.layout(model, model.mainSubgraph(), 1);
    Plan plan = Plan.of(Program.compile(model, 0, KernelSelector.kernels()), new int[][] {{1, 4}});
    assertEquals(plan.arenaBytes(), fromFile.arenaBytes());
    assertEquals(plan.layout.slots().size(), fromFile.slots().size());
  }

  @Test
  void arraysOfDifferentKindsAreNeverShared() {
    MemoryPlanner.Layout layout =
        MemoryPlanner.plan(
            List.of(
                new Need(0, ArrayKind.FLOAT, 10, -1, 0),
                new Need(1, ArrayKind.BYTE, 10, 0, 1),
                new Need(2, ArrayKind.FLOAT, 6, 1, 2),
                new Need(3, ArrayKind.LONG, 1, 2, 3),
                new Need(4, ArrayKind.BYTE, 40, 2, 3)));
    // floats: 0 and 2 share 10 (40 bytes); bytes: 4 (40) then 1 beside it (disjoint); long: 8.
    assertArrayEquals(new int[] {1, 0, 1, 2, 0}, layout.slotOf());
    assertEquals(40 + 40 + 8, layout.arenaBytes());
    assertEquals(40 + 10 + 24 + 8 + 40, layout.unsharedBytes());
  }

  @Test
  void refusesALifetimeThatEndsBeforeItStarts() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Need(5, ArrayKind.INT, 3, 4, 2));
    assertEquals(
        "expected elements >= 0 and first <= last, found 3 elements living from step 4 to 2"
            + " (tensor 5)",
        e.getMessage());
  }
}
