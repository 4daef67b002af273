package io.edgeinfer.lite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.lite.format.Activation;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.Padding;
import io.edgeinfer.lite.format.TfliteWriter;
import io.edgeinfer.lite.kernels.Scratch;
import io.edgeinfer.lite.ops.SplitRunner;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Large steps split over a gang of threads give the single thread's results, bit for bit. */
class ThreadGangTest {
  @TempDir Path dir;

  /** Records which thread computed which units; optionally fails on one. Buffers: in, out. */
  private static final class Recorder implements SplitRunner {
    final Map<Integer, Thread> owners = new ConcurrentHashMap<>();
    final Map<Thread, List<Integer>> taken = new ConcurrentHashMap<>();
    final int units;
    final int failOn;

    Recorder(int units, int failOn) {
      this.units = units;
      this.failOn = failOn;
    }

    @Override
    public int units(int[][] shapes) {
      return units;
    }

    @Override
    public long work(int[][] shapes) {
      return ThreadGang.MIN_WORK;
    }

    @Override
    public void runUnits(Object[] buffers, int[][] shapes, Scratch scratch, int from, int to) {
      int[] input = (int[]) buffers[0];
      int[] output = (int[]) buffers[1];
      for (int r = from; r < to; r++) {
        if (r == failOn) {
          throw new IllegalStateException("unit " + r);
        }
        assertSame(null, owners.put(r, Thread.currentThread()), "unit " + r + " twice");
        taken.computeIfAbsent(Thread.currentThread(), t -> new CopyOnWriteArrayList<>()).add(r);
        output[r] = input[r] * 2;
        // A unit takes a while, as a convolution's rows do: time for the workers to wake and take
        // their parts before the caller, done with its own, takes them instead.
        LockSupport.parkNanos(200_000);
      }
    }
  }

  private static void run(ThreadGang gang, Recorder op, int[] in, int[] out) {
    gang.run(op, new Object[] {in, out}, new int[][] {{in.length}, {out.length}}, new Scratch());
  }

  @Test
  void splitsUnitsOverTheWorkersAndTheCaller() throws Exception {
    ThreadGang threads = new ThreadGang(3);
    Set<Thread> gang = new HashSet<>(List.of(threads.workerThreads()));
    gang.add(Thread.currentThread());
    int mostThreads = 0;
    try {
      for (int call = 0; call < 50; call++) {
        int rows = 2 + call % 9;
        Recorder op = new Recorder(rows, -1);
        int[] in = new int[rows];
        for (int r = 0; r < rows; r++) {
          in[r] = r + call;
        }
        int[] out = new int[rows];
        run(threads, op, in, out);
        assertEquals(rows, op.owners.size());
        for (int r = 0; r < rows; r++) {
          assertEquals(2 * (r + call), out[r]);
        }
        // Any free thread takes any part, so a busy machine may leave a worker out of a split.
        Set<Thread> used = Set.copyOf(op.owners.values());
        assertTrue(used.size() <= Math.min(3, rows), "threads used for " + rows + " rows");
        assertTrue(gang.containsAll(used), "only the gang's threads: " + used);
        mostThreads = Math.max(mostThreads, used.size());
      }
      assertTrue(mostThreads >= 2, "the workers took parts in some of 50 splits");
      // A failure in a worker's rows reaches the caller, and the threads go on working.
      Recorder failing = new Recorder(9, 8);
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class, () -> run(threads, failing, new int[9], new int[9]));
      assertEquals("unit 8", e.getMessage());
      Recorder after = new Recorder(6, -1);
      run(threads, after, new int[6], new int[6]);
      assertEquals(6, after.owners.size());
    } finally {
      threads.close();
    }
    for (Thread worker : threads.workerThreads()) {
      worker.join(5_000);
      assertFalse(worker.isAlive(), worker.getName() + " stopped");
    }
  }

  @Test
  void wakesWorkersThatParkedBetweenSplits() throws Exception {
    try (ThreadGang gang = new ThreadGang(2)) {
      Thread worker = gang.workerThreads()[0];
      boolean helped = false;
      for (int attempt = 0; attempt < 20 && !helped; attempt++) {
        Thread.sleep(5); // 25 times the spin: the worker has parked (or is parking)
        Recorder op = new Recorder(8, -1);
        run(gang, op, new int[8], new int[8]);
        assertEquals(8, op.owners.size());
        helped = op.owners.containsValue(worker);
      }
      assertTrue(helped, "a parked worker was woken and took parts in one of 20 splits");
    }
  }

  @Test
  void wakeGetsParkedWorkersSpinningWithoutASplit() throws Exception {
    try (ThreadGang gang = new ThreadGang(2)) {
      Thread worker = gang.workerThreads()[0];
      for (int attempt = 1; attempt <= 3; attempt++) {
        assertTrue(within(() -> worker.getState() == Thread.State.WAITING), "the worker parked");
        gang.wake();
        int expected = attempt;
        assertTrue(within(() -> gang.rewoken() == expected), "woken " + attempt + " times");
      }
    }
  }

  /** True when {@code condition} holds within 5 s; the looking thread yields between looks. */
  private static boolean within(BooleanSupplier condition) {
    long until = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < until) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.yield();
    }
    return false;
  }

  @Test
  void eachThreadTakesItsOwnStretchFirstThenTheOthersFromTheirEnd() {
    try (ThreadGang gang = new ThreadGang(2)) {
      Thread caller = Thread.currentThread();
      Thread worker = gang.workerThreads()[0];
      for (int call = 0; call < 20; call++) {
        Recorder op = new Recorder(8, -1); // 8 parts: 0-3 the caller's, 4-7 the worker's
        run(gang, op, new int[8], new int[8]);
        assertEquals(8, op.owners.size());
        assertOwnThenStolen(op.taken.get(caller), 0, 7, "caller, split " + call);
        assertOwnThenStolen(op.taken.get(worker), 4, 3, "worker, split " + call);
      }
    }
  }

  /**
   * {@code units} (null when the thread took none) is a run up from {@code own} (its stretch, in
   * order), then a run down from {@code stolenFirst} (the other stretch, from its end).
   */
  private static void assertOwnThenStolen(
      List<Integer> units, int own, int stolenFirst, String who) {
    if (units == null) {
      return;
    }
    int i = 0;
    while (i < units.size() && units.get(i) == own + i) {
      i++;
    }
    for (int j = 0; i + j < units.size(); j++) {
      assertEquals(stolenFirst - j, units.get(i + j), who + " took " + units);
    }
  }

  /** x[-1,40,40,16] -> CONV_2D 3x3 16->24 SAME RELU -> DEPTHWISE_CONV_2D 3x3 (x2) -> y. */
  private static LiteModel convolutions() {
    Random rnd = new Random(5);
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, -1, 40, 40, 16);
    int w = g.constant("w", DataType.FLOAT32, Shape.of(24, 3, 3, 16), floats(rnd, 24 * 9 * 16));
    int c = g.tensor("c", DataType.FLOAT32, -1, 40, 40, 24);
    g.operator(
        BuiltinOperator.CONV_2D,
        new OperatorOptions.Conv2D(Padding.SAME, 1, 1, 1, 1, Activation.RELU),
        new int[] {x, w, g.constant("b", DataType.FLOAT32, Shape.of(24), floats(rnd, 24))},
        c);
    int dw = g.constant("dw", DataType.FLOAT32, Shape.of(1, 3, 3, 48), floats(rnd, 9 * 48));
    int y = g.tensor("y", DataType.FLOAT32, -1, 40, 40, 48);
    g.operator(
        BuiltinOperator.DEPTHWISE_CONV_2D,
        new OperatorOptions.DepthwiseConv2D(Padding.SAME, 1, 1, 2, 1, 1, Activation.NONE),
        new int[] {c, dw, g.constant("db", DataType.FLOAT32, Shape.of(48), floats(rnd, 48))},
        y);
    g.inputs(x).outputs(y);
    return b.build();
  }

  private static LiteBuffer floats(Random rnd, int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) (0.3 * rnd.nextGaussian());
    }
    return LiteBuffer.ofFloats(values);
  }

  @Test
  void threadedModelEqualsTheSingleThreadedOne() throws Exception {
    Path file = dir.resolve("conv.tflite");
    TfliteWriter.write(convolutions(), file);
    Random rnd = new Random(9);
    try (Model one = Engines.load(file, LoadOptions.DEFAULTS);
        Model three = Engines.load(file, LoadOptions.DEFAULTS.withThreads(3, 1));
        Predictor p1 = one.predictor();
        Predictor p3 = three.predictor()) {
      assertEquals("1", one.metadata().get("threads"));
      assertEquals("3", three.metadata().get("threads"));
      for (int batch : new int[] {1, 2, 1}) {
        float[] values = new float[batch * 40 * 40 * 16];
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) rnd.nextGaussian();
        }
        Map<String, Tensor> in = Map.of("x", Tensor.ofFloats(values, batch, 40, 40, 16));
        float[] expected = p1.predict(in).get("y").toFloatArray();
        assertArrayEquals(expected, p3.predict(in).get("y").toFloatArray(), "batch " + batch);
      }
    }
  }
}
