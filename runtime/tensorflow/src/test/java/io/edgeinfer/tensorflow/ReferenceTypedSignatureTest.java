package io.edgeinfer.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.tensorflow.testing.TestSavedModels;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * its internals); the error now says what was expected and what was found.
 */
class ReferenceTypedSignatureTest {
  @TempDir Path dir;

  @ParameterizedTest
  // A reference-typed output only makes the signature skipped (listed in the model's metadata);
  // TensorFlow Java fails on a reference-typed input.
  @CsvSource({"input, x"})
  void aReferenceTypedSignatureIsAOneLineErrorWithoutInternalText(String side, String tensor)
      throws Exception {
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

    ModelException e =
        assertThrows(ModelException.class, () -> Engines.load(model, LoadOptions.DEFAULTS).close());
    assertEquals(
        "TensorFlow Java could not load the signatures of "
            + model
            + ": expected signature tensors of value types, found signature 'serving_default': '"
            + tensor
            + "' has type DT_FLOAT_REF (re-export the model with tf.saved_model.save)",
        e.getMessage());
    // TensorFlow Java's own failure stays the cause, for a stack trace in a log only.
    assertTrue(e.getCause() instanceof RuntimeException, String.valueOf(e.getCause()));
  }
}
