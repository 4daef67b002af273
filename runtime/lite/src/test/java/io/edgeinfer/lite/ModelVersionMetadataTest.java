package io.edgeinfer.lite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.lite.format.TfliteWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A loaded model gives its TFLite Metadata version, which serve's replies call model_version. */
class ModelVersionMetadataTest {
  @Test
  void googlesMobileNetDeclaresV1() throws Exception {
    Path root = Path.of(System.getProperty("edgeinfer.shared", "../shared"));
    Path file = root.resolve("models/zoo/mobilenet_v1_0.25_224_1_metadata_1.tflite");
    assumeTrue(Files.exists(file), "skipped: " + file + " is absent (the team's shared zoo)");
    try (Model model = Engines.load(file, "lite", LoadOptions.DEFAULTS)) {
      assertEquals("v1", model.metadata().get("tflite_metadata.version"));
    }
  }

  @Test
  void aFileWithoutMetadataDeclaresNone(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("plain.tflite");
    TfliteWriter.write(TinyMlp.model(), file);
    try (Model model = Engines.load(file, "lite", LoadOptions.DEFAULTS)) {
      assertFalse(
          model.metadata().containsKey("tflite_metadata.version"), model.metadata().toString());
    }
  }
}
