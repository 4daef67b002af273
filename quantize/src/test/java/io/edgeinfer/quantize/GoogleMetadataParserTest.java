package io.edgeinfer.quantize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.NpyCodec;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.TfliteFile;
import io.edgeinfer.lite.format.TfliteMetadata;
import io.edgeinfer.lite.format.TfliteMetadataWriter;
import io.edgeinfer.lite.format.TfliteWriter;
import io.edgeinfer.quantize.quant.Mode;
import io.edgeinfer.train.LiteExport;
import io.edgeinfer.train.StandardMetadata;
import io.edgeinfer.train.Task;
import io.edgeinfer.train.TrainedModelWriter;
import io.edgeinfer.train.Trainer;
import io.edgeinfer.train.TrainingConfig;
import io.edgeinfer.train.data.Dataset;
import io.edgeinfer.train.synthetic.Clusters;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.TensorType;
import org.tensorflow.lite.support.metadata.MetadataExtractor;
import org.tensorflow.lite.support.metadata.schema.AssociatedFile;
import org.tensorflow.lite.support.metadata.schema.AssociatedFileType;
import org.tensorflow.lite.support.metadata.schema.ContentProperties;
import org.tensorflow.lite.support.metadata.schema.ModelMetadata;
import org.tensorflow.lite.support.metadata.schema.NormalizationOptions;
import org.tensorflow.lite.support.metadata.schema.ProcessUnit;
import org.tensorflow.lite.support.metadata.schema.ProcessUnitOptions;
import org.tensorflow.lite.support.metadata.schema.TensorMetadata;

/**
 * Google's own metadata parser (tflite-support's Java {@code MetadataExtractor}, {@code
 * org.tensorflow:tensorflow-lite-metadata} 0.4.4, the parser of TFLite's Android Support Library)
 * on every kind of file {@code train} and {@code quantize} write: the model's name, description,
 * version and author, the parser version, each tensor's metadata at its own position, the labels as
 * an associated file of the right type whose text is our labels, and Google's schema reading our
 * tensors' types and quantization.
 */
class GoogleMetadataParserTest {
  /** Class names as a data file gives them, one not ASCII, so the file's encoding shows. */
  private static final List<String> LABELS = List.of("café", "rain", "snow");

  @TempDir static Path dir;
  static Path savedModel;
  static Path samples;

  @BeforeAll
  static void train() throws Exception {
    float[][] rows = Clusters.generate(900, 8, 3, 1.5, 21);
    float[][] x = new float[rows.length][8];
    float[] y = new float[rows.length];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, x[r], 0, 8);
      y[r] = rows[r][8];
    }
    savedModel = dir.resolve("weather");
    TrainedModelWriter.prepare(savedModel, false);
    TrainedModelWriter.write(
        Trainer.train(
            new Dataset(x, y, LABELS, "weather.csv", "none"),
            TrainingConfig.DEFAULTS,
            (r, n) -> {}),
        savedModel);
    samples = dir.resolve("weather.npy");
    Files.write(samples, NpyCodec.write(Tensor.ofFloats(x)));
  }

  /** What {@code quantize} writes from the trained SavedModel in that mode. */
  private static Path quantized(Mode mode, boolean int8Io) throws Exception {
    Path out = dir.resolve(mode.label() + (int8Io ? "-io" : "") + ".tflite");
    Quantizer.quantize(
        new QuantizeRequest(
            savedModel,
            "serving_default",
            mode,
            samples,
            300,
            100,
            false,
            int8Io,
            null,
            null,
            out));
    return out;
  }

  private static MetadataExtractor extractor(Path file) throws Exception {
    return new MetadataExtractor(ByteBuffer.wrap(Files.readAllBytes(file)));
  }

  @Test
  void readsTrainsFile() throws Exception {
    Path file = savedModel.resolve(LiteExport.FILE_NAME);
    MetadataExtractor metadata = extractor(file);
    ModelMetadata model = modelMetadata(metadata);
    assertEquals("edgeinfer classification model of weather.csv", model.name());
    assertEquals("edgeinfer train", model.author());
    assertTrue(
        model.description().startsWith("Classifies rows of 8 features into 3 classes; trained by"),
        model.description());
    TensorMetadata input = metadata.getInputTensorMetadata(0);
    assertEquals("features", input.name());
    assertTrue(input.description().contains("normalizes them itself"), input.description());
    assertEquals(0, input.processUnitsLength(), "the graph normalizes: none declared");
    assertClassifierMetadata(file, metadata, TensorType.FLOAT32);
  }

  @Test
  void readsEveryKindOfFileQuantizeWrites() throws Exception {
    Object[][] kinds = {
      {Mode.FLOAT32, false, TensorType.FLOAT32},
      {Mode.FLOAT16, false, TensorType.FLOAT32},
      {Mode.DYNAMIC_INT8, false, TensorType.FLOAT32},
      {Mode.INT8, false, TensorType.FLOAT32},
      {Mode.INT8, true, TensorType.INT8},
    };
    for (Object[] kind : kinds) {
      Mode mode = (Mode) kind[0];
      Path file = quantized(mode, (boolean) kind[1]);
      MetadataExtractor metadata = extractor(file);
      ModelMetadata model = modelMetadata(metadata);
      assertEquals("weather", model.name(), file.toString());
      assertEquals("edgeinfer quantize", model.author(), file.toString());
      assertEquals(
          "Signature 'serving_default' of the SavedModel weather, converted by edgeinfer quantize"
              + " (mode "
              + mode.label()
              + ").",
          model.description());
      TensorMetadata input = metadata.getInputTensorMetadata(0);
      assertEquals("features", input.name(), file.toString());
      assertEquals(0, input.processUnitsLength(), file + ": the graph normalizes, none declared");
      assertClassifierMetadata(file, metadata, (byte) kind[2]);
    }
  }

  /** A regression model has no labels: no associated files, no zip, the rest as before. */
  @Test
  void readsARegressionModelWithoutLabels() throws Exception {
    float[][] x = new float[300][3];
    float[] y = new float[300];
    java.util.Random random = new java.util.Random(3);
    for (int r = 0; r < x.length; r++) {
      x[r][0] = (float) random.nextGaussian();
      x[r][1] = (float) random.nextGaussian();
      x[r][2] = (float) random.nextGaussian();
      y[r] = 3 * x[r][0] - 2 * x[r][1] + 1;
    }
    TrainingConfig defaults = TrainingConfig.DEFAULTS;
    TrainingConfig regression =
        new TrainingConfig(
            defaults.labelColumn(),
            Task.REGRESSION,
            new int[] {8},
            defaults.activation(),
            5,
            defaults.batchSize(),
            defaults.optimizer(),
            defaults.learningRate(),
            defaults.loss(),
            defaults.l2(),
            defaults.validationSplit(),
            defaults.testSplit(),
            defaults.normalization(),
            defaults.seed(),
            defaults.earlyStoppingPatience());
    Path dirOut = dir.resolve("linear");
    TrainedModelWriter.prepare(dirOut, false);
    TrainedModelWriter.write(
        Trainer.train(new Dataset(x, y, "linear.csv", "none"), regression, (r, n) -> {}), dirOut);
    Path file = dirOut.resolve(LiteExport.FILE_NAME);

    MetadataExtractor metadata = extractor(file);
    ModelMetadata model = modelMetadata(metadata);
    assertEquals("edgeinfer regression model of linear.csv", model.name());
    assertTrue(model.description().startsWith("Predicts a value from rows of 3 features"));
    assertEquals(1, metadata.getOutputTensorCount());
    TensorMetadata output = metadata.getOutputTensorMetadata(0);
    assertEquals("prediction", output.name());
    assertEquals(0, output.associatedFilesLength());
    assertEquals(0, model.associatedFilesLength());
    assertArrayEquals(new int[] {1, 3}, metadata.getInputTensorShape(0));
  }

  @Test
  void readsTheNormalizationTheWriterDeclares() throws Exception {
    // train and quantize declare none (their graphs normalize inside); the writer's mean/std, as a
    // file for a model that wants them applied outside would carry them.
    Path trained = savedModel.resolve(LiteExport.FILE_NAME);
    LiteModel model = TfliteFile.open(trained);
    TfliteMetadata ours = TfliteMetadata.read(model.metadata(TfliteMetadata.ENTRY).orElseThrow());
    TfliteMetadata.TensorInfo input = ours.inputs().get(0);
    List<Float> mean = new ArrayList<>();
    List<Float> std = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      mean.add(i * 1.5f - 3f);
      std.add(0.25f + i);
    }
    TfliteMetadata normalized =
        new TfliteMetadata(
            ours.name(),
            ours.description(),
            ours.version(),
            ours.author(),
            "Apache-2.0",
            ours.minParserVersion(),
            List.of(
                new TfliteMetadata.TensorInfo(
                    input.name(), input.description(), mean, std, input.files())),
            ours.outputs(),
            ours.files());
    Path file = dir.resolve("normalized.tflite");
    TfliteWriter.write(
        TfliteMetadataWriter.attach(model, normalized),
        Map.of(StandardMetadata.LABELS_FILE, labelText().getBytes(StandardCharsets.UTF_8)),
        file);

    MetadataExtractor metadata = extractor(file);
    assertEquals("Apache-2.0", modelMetadata(metadata).license());
    TensorMetadata tensor = metadata.getInputTensorMetadata(0);
    assertEquals(1, tensor.processUnitsLength());
    ProcessUnit unit = tensor.processUnits(0);
    assertEquals(ProcessUnitOptions.NormalizationOptions, unit.optionsType());
    NormalizationOptions options = (NormalizationOptions) unit.options(new NormalizationOptions());
    assertEquals(8, options.meanLength());
    assertEquals(8, options.stdLength());
    for (int i = 0; i < 8; i++) {
      assertEquals(mean.get(i), options.mean(i), 0f, "mean " + i);
      assertEquals(std.get(i), options.std(i), 0f, "std " + i);
    }
    assertClassifierMetadata(file, metadata, TensorType.FLOAT32);
  }

  /** The model-level fields every file has, and the parser's verdict on its version. */
  private static ModelMetadata modelMetadata(MetadataExtractor metadata) {
    assertTrue(metadata.hasMetadata());
    ModelMetadata model = metadata.getModelMetadata();
    assertEquals(StandardMetadata.edgeinferVersion(), model.version());
    assertEquals(TfliteMetadataWriter.MIN_PARSER_VERSION, model.minParserVersion());
    assertTrue(metadata.isMinimumParserVersionSatisfied());
    assertEquals(1, model.subgraphMetadataLength());
    return model;
  }

  /**
   * One input of 8 features, the probabilities and class_id outputs each described at its own
   * position with its labels file, the labels file packed and equal to our labels; Google's schema
   * reads the tensors' types, shapes and int8 quantization as our reader does.
   */
  private static void assertClassifierMetadata(
      Path file, MetadataExtractor metadata, byte inputType) throws Exception {
    LiteModel ours = TfliteFile.open(file);
    assertEquals(1, metadata.getInputTensorCount(), file.toString());
    assertEquals(inputType, metadata.getInputTensorType(0), file.toString());
    assertArrayEquals(new int[] {1, 8}, metadata.getInputTensorShape(0), file.toString());
    TensorMetadata input = metadata.getInputTensorMetadata(0);
    assertEquals(ContentProperties.FeatureProperties, input.content().contentPropertiesType());
    LiteTensor inputTensor = ours.mainSubgraph().tensor(ours.mainSubgraph().inputs().get(0));
    if (inputType == TensorType.INT8) {
      MetadataExtractor.QuantizationParams q = metadata.getInputTensorQuantizationParams(0);
      assertEquals(inputTensor.quantization().scale(0), q.getScale(), 0f, file.toString());
      assertEquals(inputTensor.quantization().zeroPoint(0), q.getZeroPoint(), file.toString());
    }

    assertEquals(2, metadata.getOutputTensorCount(), file.toString());
    Map<String, Byte> labelTypes = new HashMap<>();
    for (int i = 0; i < 2; i++) {
      TensorMetadata output = metadata.getOutputTensorMetadata(i);
      int tensor = ours.mainSubgraph().outputs().get(i);
      String signatureName =
          ours.signature("serving_default").orElseThrow().outputs().stream()
              .filter(t -> t.tensorIndex() == tensor)
              .findFirst()
              .orElseThrow()
              .name();
      assertEquals(signatureName, output.name(), file + ": output " + i);
      assertEquals(1, output.associatedFilesLength(), file + ": " + output.name());
      AssociatedFile labels = output.associatedFiles(0);
      assertEquals(StandardMetadata.LABELS_FILE, labels.name());
      labelTypes.put(output.name(), labels.type());
    }
    assertEquals(
        Map.of(
            "probabilities", AssociatedFileType.TENSOR_AXIS_LABELS,
            "class_id", AssociatedFileType.TENSOR_VALUE_LABELS),
        labelTypes,
        file.toString());
    int probabilities = outputPosition(metadata, "probabilities");
    assertArrayEquals(new int[] {1, 3}, metadata.getOutputTensorShape(probabilities));

    assertEquals(Set.of(StandardMetadata.LABELS_FILE), metadata.getAssociatedFileNames());
    try (InputStream in = metadata.getAssociatedFile(StandardMetadata.LABELS_FILE)) {
      assertEquals(labelText(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static int outputPosition(MetadataExtractor metadata, String name) {
    for (int i = 0; i < metadata.getOutputTensorCount(); i++) {
      if (metadata.getOutputTensorMetadata(i).name().equals(name)) {
        return i;
      }
    }
    throw new AssertionError("no output " + name);
  }

  private static String labelText() {
    return String.join("\n", LABELS) + "\n";
  }
}
