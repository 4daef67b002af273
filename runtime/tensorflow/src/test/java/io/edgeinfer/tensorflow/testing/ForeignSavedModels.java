package io.edgeinfer.tensorflow.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;

/**
 * SavedModels shaped like ones other tools write and TF Java refuses or half-reads, made by
 * building a normal one with TF Java and then editing its {@code saved_model.pb} as Python's tools
 * would have written it.
 */
public final class ForeignSavedModels {
  private ForeignSavedModels() {}

  /**
   * Like TF Serving's {@code half_plus_three}: {@link TestSavedModels#strings} plus a signature
   * {@code broken} whose input declares DT_FLOAT for the DT_STRING graph tensor {@code text:0}. TF
   * Serving serves the good signatures of such a model.
   */
  public static Path mismatchedSignature(Path dir) throws IOException {
    TestSavedModels.strings(dir);
    return edit(
        dir,
        metaGraph ->
            metaGraph.putSignatureDef(
                "broken",
                SignatureDef.newBuilder()
                    .setMethodName("tensorflow/serving/predict")
                    .putInputs("text", info("text:0", DataType.DT_FLOAT))
                    .putOutputs("length", info("length:0", DataType.DT_INT32))
                    .build()));
  }

  /** {@link TestSavedModels#strings} with its only signature's input declared DT_FLOAT. */
  public static Path onlyABrokenSignature(Path dir) throws IOException {
    TestSavedModels.strings(dir);
    return edit(
        dir,
        metaGraph -> {
          SignatureDef serving = metaGraph.getSignatureDefOrThrow("serving_default");
          metaGraph.putSignatureDef(
              "serving_default",
              serving.toBuilder()
                  .putInputs(
                      "text",
                      serving.getInputsOrThrow("text").toBuilder()
                          .setDtype(DataType.DT_FLOAT)
                          .build())
                  .build());
        });
  }

  /**
   * A TF 1.x-style model whose signature {@code weights} outputs the variable itself ({@code w:0},
   * DT_FLOAT_REF, as Python's TF 1.x wrote a variable's ref tensor), beside {@link
   * TestSavedModels#affine}'s signatures.
   */
  public static Path referenceTypedOutput(Path dir) throws IOException {
    TestSavedModels.affine(dir);
    return edit(
        dir,
        metaGraph -> {
          SignatureDef serving = metaGraph.getSignatureDefOrThrow("serving_default");
          metaGraph.putSignatureDef(
              "weights",
              SignatureDef.newBuilder()
                  .setMethodName("tensorflow/serving/predict")
                  .putInputs("x", serving.getInputsOrThrow("x"))
                  .putOutputs("w", info("w:0", DataType.DT_FLOAT_REF))
                  .putOutputs("y", serving.getOutputsOrThrow("y"))
                  .build());
        });
  }

  private static TensorInfo info(String name, DataType type) {
    return TensorInfo.newBuilder().setName(name).setDtype(type).build();
  }

  private interface Edit {
    void apply(MetaGraphDef.Builder metaGraph);
  }

  private static Path edit(Path dir, Edit edit) throws IOException {
    Path file = dir.resolve("saved_model.pb");
    SavedModel.Builder model = SavedModel.parseFrom(Files.readAllBytes(file)).toBuilder();
    for (MetaGraphDef.Builder metaGraph : model.getMetaGraphsBuilderList()) {
      edit.apply(metaGraph);
    }
    Files.write(file, model.build().toByteArray());
    return dir;
  }
}
