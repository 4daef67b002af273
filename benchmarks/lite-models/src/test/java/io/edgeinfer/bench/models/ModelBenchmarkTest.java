package io.edgeinfer.bench.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.core.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One call of each own model as the benchmark sets it up (no timing): the MACs it divides by, and
 * the bound call giving predict's bits, so that a benchmark cannot silently time nothing.
 */
class ModelBenchmarkTest {
  private static ModelBenchmark setUp(String model, int threads) throws Exception {
    ModelBenchmark bench = new ModelBenchmark();
    bench.model = model;
    bench.threads = threads;
    bench.setUp();
    return bench;
  }

  private static void boundEqualsPredict(ModelBenchmark bench) throws Exception {
    bench.call().run();
    Map<String, Tensor> expected = bench.predictor().predict(bench.inputs());
    assertEquals(expected.keySet(), bench.outputs().keySet());
    for (String name : expected.keySet()) {
      assertArrayEquals(expected.get(name).toFloatArray(), bench.outputs().get(name), name);
    }
  }

  @Test
  void seedMlpCountsItsThreeDenseLayers() throws Exception {
    ModelBenchmark bench = setUp("seed-mlp", 1);
    try {
      assertEquals(32 * 64 + 64 * 64 + 64 * 10, bench.macs());
      boundEqualsPredict(bench);
    } finally {
      bench.tearDown();
    }
  }

  @Test
  void mobileNetV2HasThePapersThreeHundredMillionMacs() throws Exception {
    ModelBenchmark bench = setUp("mobilenet-v2-224", 2);
    try {
      // The paper's table 3: 300 M multiply-adds for 1.0 at 224 (the 1x1 classifier included).
      assertEquals(300_775_552L, bench.macs());
      boundEqualsPredict(bench);
    } finally {
      bench.tearDown();
    }
  }
}
