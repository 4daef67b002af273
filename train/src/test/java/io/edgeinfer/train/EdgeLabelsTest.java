package io.edgeinfer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelCard;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.ModelCardMetadata;
import io.edgeinfer.lite.format.TfliteFile;
import io.edgeinfer.lite.format.TfliteMetadata;
import io.edgeinfer.lite.format.TfliteWriter;
import io.edgeinfer.train.data.DataException;
import io.edgeinfer.train.data.Dataset;
import io.edgeinfer.train.synthetic.Clusters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Labels 1, 2, 3 on the edge path: train's model.tflite carries class_id and its model card, so the
 * file alone names its classes and evaluate scores it as the SavedModel.
 */
class EdgeLabelsTest {
  @TempDir static Path dir;
  static Dataset data;
  static Path exported;
  static Path alone;

  @BeforeAll
  static void train() throws Exception {
    float[][] rows = Clusters.generate(900, 8, 3, 1.0, 5);
    for (float[] row : rows) {
      row[8] += 1; // classes 1, 2, 3
    }
    data = TrainerTest.dataset(rows);
    TrainingResult result = Trainer.train(data, TrainingConfig.DEFAULTS, (r, n) -> {});
    exported = dir.resolve("model");
    TrainedModelWriter.prepare(exported, false);
    TrainedModelWriter.write(result, exported);
    alone = Files.createDirectories(dir.resolve("device")).resolve("model.tflite");
    Files.copy(exported.resolve(LiteExport.FILE_NAME), alone);
  }

  @Test
  void theFileAloneNamesItsClassesAndGivesClassId() throws Exception {
    try (Model lite = Engines.load(alone, LoadOptions.DEFAULTS);
        Predictor predictor = lite.predictor()) {
      assertEquals(List.of("1", "2", "3"), ModelCard.of(lite).orElseThrow().classLabels());
      assertEquals(
          DataType.INT64, predictor.signature().output("class_id").orElseThrow().dataType());
      Map<String, Tensor> out =
          predictor.predict(Map.of("features", Tensor.ofFloats(data.features())));
      float[] probabilities = out.get("probabilities").toFloatArray();
      float[] classIds = out.get("class_id").toFloatArray();
      for (int r = 0; r < data.size(); r++) {
        int best = 0;
        for (int c = 1; c < 3; c++) {
          best = probabilities[r * 3 + c] > probabilities[r * 3 + best] ? c : best;
        }
        assertEquals(best, (int) classIds[r], "row " + r);
      }
    }
  }

  @Test
  void evaluateScoresTheFileAsTheSavedModel() throws Exception {
    double savedModel;
    try (Model tf = Engines.load(exported, LoadOptions.DEFAULTS)) {
      savedModel = Evaluator.evaluate(tf, "serving_default", data).classification().accuracy();
    }
    try (Model lite = Engines.load(alone, LoadOptions.DEFAULTS)) {
      Evaluation evaluation = Evaluator.evaluate(lite, "serving_default", data);
      assertEquals(savedModel, evaluation.classification().accuracy(), 1e-9);
      assertTrue(evaluation.classification().accuracy() > 0.9, evaluation.toString());
      assertEquals(List.of(), evaluation.warnings());
    }
  }

  @Test
  void withoutACardLabelsAreIdsWithAWarningAndUnknownOnesAreRefused() throws Exception {
    LiteModel withCard = TfliteFile.open(alone);
    Path bare = Files.createDirectories(dir.resolve("bare")).resolve("model.tflite");
    TfliteWriter.write(
        new LiteModel(
            withCard.version(),
            withCard.description(),
            withCard.operatorCodes(),
            withCard.subgraphs(),
            withCard.buffers(),
            List.of(),
            withCard.signatures()),
        bare);
    try (Model lite = Engines.load(bare, LoadOptions.DEFAULTS)) {
      DataException e =
          assertThrows(
              DataException.class, () -> Evaluator.evaluate(lite, "serving_default", data));
      assertTrue(
          e.getMessage()
              .startsWith(
                  "expected a label among the model's classes [0, 1, 2] (the model does not know"
                      + " it), found 3"),
          e.getMessage());
      float[] ids = data.labels().clone();
      for (int r = 0; r < ids.length; r++) {
        ids[r] -= 1;
      }
      Evaluation evaluation =
          Evaluator.evaluate(
              lite, "serving_default", new Dataset(data.features(), ids, "ids", "none"));
      assertEquals(1, evaluation.warnings().size());
      assertTrue(
          evaluation.warnings().get(0).contains("carries no class labels"),
          evaluation.warnings().toString());
      assertTrue(evaluation.classification().accuracy() > 0.9, evaluation.toString());
    }
  }

  @Test
  void theFileCarriesTfliteStandardMetadataWithTheLabelFilePacked() throws Exception {
    LiteModel file = TfliteFile.open(alone);
    TfliteMetadata m = TfliteMetadata.read(file.metadata(TfliteMetadata.ENTRY).orElseThrow());
    assertEquals("edgeinfer classification model of clusters", m.name());
    assertEquals("edgeinfer train", m.author());
    assertEquals("1.0.0", m.minParserVersion());
    assertTrue(
        m.description().startsWith("Classifies rows of 8 features into 3 classes"),
        m.description());
    assertEquals(
        List.of("features"), m.inputs().stream().map(TfliteMetadata.TensorInfo::name).toList());
    assertTrue(m.inputs().get(0).description().contains("normalizes them itself"), m.toString());
    assertEquals(List.of(), m.inputs().get(0).mean(), "normalization is inside the graph");
    assertEquals(
        List.of("probabilities", "class_id"),
        m.outputs().stream().map(TfliteMetadata.TensorInfo::name).toList());
    assertEquals(
        List.of(
            new TfliteMetadata.AssociatedFile(
                "labels.txt", "the label of each class, one a line", "TENSOR_AXIS_LABELS")),
        m.outputs().get(0).files());
    assertEquals("TENSOR_VALUE_LABELS", m.outputs().get(1).files().get(0).type());
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(alone.toFile())) {
      assertEquals(
          "1\n2\n3\n",
          new String(
              zip.getInputStream(zip.getEntry("labels.txt")).readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @Test
  void withOnlyTheStandardMetadataLabelsMapAndUnknownOnesAreRefused() throws Exception {
    LiteModel withCard = TfliteFile.open(alone);
    Path standard = Files.createDirectories(dir.resolve("standard")).resolve("model.tflite");
    TfliteWriter.write(
        new LiteModel(
            withCard.version(),
            withCard.description(),
            withCard.operatorCodes(),
            withCard.subgraphs(),
            withCard.buffers(),
            withCard.metadata().stream()
                .filter(e -> !e.name().equals(ModelCardMetadata.NAME))
                .toList(),
            withCard.signatures()),
        Map.of("labels.txt", "1\n2\n3\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        standard);
    try (Model lite = Engines.load(standard, LoadOptions.DEFAULTS)) {
      assertEquals(java.util.Optional.empty(), ModelCardMetadata.read(TfliteFile.open(standard)));
      assertEquals(List.of("1", "2", "3"), ModelCard.of(lite).orElseThrow().classLabels());
      Evaluation evaluation = Evaluator.evaluate(lite, "serving_default", data);
      assertTrue(evaluation.classification().accuracy() > 0.9, evaluation.toString());
      assertEquals(List.of(), evaluation.warnings());
      float[] labels = data.labels().clone();
      labels[4] = 7;
      DataException e =
          assertThrows(
              DataException.class,
              () ->
                  Evaluator.evaluate(
                      lite,
                      "serving_default",
                      new Dataset(data.features(), labels, "seven", "none")));
      assertEquals(
          "expected a label among the model's classes [1, 2, 3] (the model does not know it), found 7 at row 5",
          e.getMessage());
    }
  }
}
