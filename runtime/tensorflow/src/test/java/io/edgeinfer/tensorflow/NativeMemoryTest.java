package io.edgeinfer.tensorflow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.tensorflow.testing.TestSavedModels;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every native tensor made around a call must be closed: 150,000 calls may not grow the memory that
 * lies outside the Java heap. Memory is measured, not time. A leak grows with every call, so it
 * shows in both halves of the run; malloc's arenas and the JIT move resident memory once in a
 * while, in one of them.
 */
@EnabledOnOs(OS.LINUX)
class NativeMemoryTest {
  private static final int ROUNDS = 15;
  private static final int CALLS_PER_ROUND = 10_000;
  private static final long ALLOWED_GROWTH = 4L << 20;

  @Test
  void aHundredAndFiftyThousandCallsKeepNativeMemoryFlat(@TempDir Path dir) throws Exception {
    try (Model model =
            Engines.load(TestSavedModels.affine(dir.resolve("affine")), LoadOptions.DEFAULTS);
        Predictor predictor = model.predictor()) {
      Map<String, Tensor> input = Map.of("x", Tensor.ofFloats(new float[] {1, 2, 3}, 1, 3));
      for (int i = 0; i < 10_000; i++) {
        predictor.predict(input);
      }
      // Resident memory swings by ~100 MB between samples as malloc arenas grow and shrink, so
      // compare the lowest levels of three stretches of the run.
      long[] levels = new long[ROUNDS];
      for (int round = 0; round < ROUNDS; round++) {
        for (int i = 0; i < CALLS_PER_ROUND; i++) {
          predictor.predict(input);
        }
        levels[round] = outsideHeap();
      }
      long early = lowest(levels, 0);
      long middle = lowest(levels, 6);
      long late = lowest(levels, ROUNDS - 3);
      long growth = Math.min(middle - early, late - middle);
      assertTrue(
          growth < ALLOWED_GROWTH,
          "expected native memory to grow less than 4 MB per 60,000 calls, found "
              + ((middle - early) >> 10)
              + " KB, then "
              + ((late - middle) >> 10)
              + " KB");
    }
  }

  private static long lowest(long[] levels, int from) {
    return Math.min(levels[from], Math.min(levels[from + 1], levels[from + 2]));
  }

  /** Resident memory less what the JVM has committed for its own heaps. */
  private static long outsideHeap() throws IOException {
    System.gc();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long committed =
        memory.getHeapMemoryUsage().getCommitted() + memory.getNonHeapMemoryUsage().getCommitted();
    return residentBytes() - committed;
  }

  private static long residentBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IOException("expected a VmRSS line in /proc/self/status, found none");
  }
}
