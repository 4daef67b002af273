package io.edgeinfer.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.tensorflow.testing.TestSavedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;

/**
 * F9: a TF1 SavedModel whose signature has a reference-typed tensor (DT_FLOAT_REF) made TensorFlow
 * Java fail with its own exception text (a NullPointerException or IllegalArgumentException about
 * its internals). Now the model loads from its meta graph, its other signatures serve, and no
 * internal text reaches the user.
 */
class ReferenceTypedSignatureTest {
  @TempDir Path dir;

  @ParameterizedTest
  // A reference-typed output only makes the signature skipped (listed in the model's metadata);
  // TensorFlow Java fails on a reference-typed input.
  @CsvSource({"input, x"})
  void aReferenceTypedSignatureNeverShowsInternalText(String side, String tensor) throws Exception {
    Path model = TestSavedModels.affine(dir.resolve("affine"));
    Path pb = model.resolve("saved_model.pb");
    SavedModel saved = SavedModel.parseFrom(Files.readAllBytes(pb));
    MetaGraphDef meta = saved.getMetaGraphs(0);
    SignatureDef serving = meta.getSignatureDefOrThrow("serving_default");
    boolean input = side.equals("input");
    TensorInfo info =
        (input ? serving.getInputsOrThrow(tensor) : serving.getOutputsOrThrow(tensor))
            .toBuilder().setDtype(DataType.DT_FLOAT_REF).build();
    SignatureDef changed =
        input
            ? serving.toBuilder().putInputs(tensor, info).build()
            : serving.toBuilder().putOutputs(tensor, info).build();
    MetaGraphDef newMeta = meta.toBuilder().putSignatureDef("serving_default", changed).build();
    Files.write(pb, saved.toBuilder().setMetaGraphs(0, newMeta).build().toByteArray());

    // The model loads (from its meta graph, as TF Serving would); no internal text ever shows.
    try (Model loaded = Engines.load(model, LoadOptions.DEFAULTS)) {
      Tensor x = Tensor.ofFloats(new float[] {1, 2, 3}, 1, 3);
      float[] doubled = loaded.predictor("double").predict(Map.of("x", x)).get("z").toFloatArray();
      assertArrayEquals(new float[] {2, 4, 6}, doubled);
      try (Predictor referenced = loaded.predictor("serving_default")) {
        referenced.predict(Map.of("x", x));
      } catch (ModelException e) {
        assertFalse(
            e.getMessage().contains("Exception") || e.getMessage().contains("Cannot invoke"),
            e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
      }
    }
  }
}
