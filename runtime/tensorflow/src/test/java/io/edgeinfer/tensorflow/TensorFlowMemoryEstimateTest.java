package io.edgeinfer.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.MalformedModelException;
import io.edgeinfer.core.MemoryNeed;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The estimate reads file sizes only: no native code, no parsing. */
class TensorFlowMemoryEstimateTest {
  @Test
  void graphAndVariablesOnDiskPlusTheRuntime(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("saved_model.pb"), new byte[1000]);
    Files.createDirectories(dir.resolve("variables"));
    Files.write(dir.resolve("variables/variables.data-00000-of-00001"), new byte[5000]);
    Files.write(dir.resolve("variables/variables.index"), new byte[100]);
    Files.createDirectories(dir.resolve("assets"));
    Files.write(dir.resolve("assets/vocabulary.txt"), new byte[77]);
    MemoryNeed need = new TensorFlowEngine().estimate(dir, LoadOptions.DEFAULTS, 8);
    assertEquals(6100, need.weightsBytes());
    assertEquals(0, need.arenaBytes());
    assertEquals(300L << 20, need.overheadBytes());
    assertEquals(301, need.totalMb());
  }

  @Test
  void aDirectoryWithoutTheGraphIsRefused(@TempDir Path dir) {
    MalformedModelException e =
        assertThrows(MalformedModelException.class, () -> TensorFlowMemoryEstimate.of(dir));
    assertEquals(
        "expected a SavedModel directory with saved_model.pb, found " + dir, e.getMessage());
  }
}
