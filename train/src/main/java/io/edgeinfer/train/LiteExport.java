package io.edgeinfer.train;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.lite.format.Activation;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.ModelCardMetadata;
import io.edgeinfer.lite.format.OpVersions;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.train.data.NormalizationMode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trained network as a float32 {@code .tflite} file, written with edgeinfer's own writer, for
 * the {@code lite} engine: normalization (SUB, MUL), dense layers (FULLY_CONNECTED, relu fused;
 * tanh and sigmoid as their own ops), then SOFTMAX and ARG_MAX for classifiers. Signature {@code
 * serving_default}: {@code features} → {@code probabilities} and {@code class_id} (or {@code
 * prediction}), as the SavedModel; the model card is inside the file ({@link ModelCardMetadata}),
 * and TFLite's standard metadata with the labels packed after it ({@link StandardMetadata}).
 */
public final class LiteExport {
  public static final String FILE_NAME = "model.tflite";

  private LiteExport() {}

  public static void write(TrainingResult result, Path file) throws IOException {
    LiteModelBuilder builder = new LiteModelBuilder().description("edgeinfer train");
    LiteModelBuilder.Graph graph = builder.graph("main");
    int n = result.featureCount();
    int features = graph.tensor(InferenceExport.INPUT, DataType.FLOAT32, -1, n);
    int x = features;
    if (result.normalization().mode() != NormalizationMode.NONE) {
      int shift =
          graph.constant(
              "shift",
              DataType.FLOAT32,
              Shape.of(n),
              LiteBuffer.ofFloats(result.normalization().shift()));
      int multiplier =
          graph.constant(
              "multiplier",
              DataType.FLOAT32,
              Shape.of(n),
              LiteBuffer.ofFloats(result.normalization().multiplier()));
      int shifted = graph.tensor("shifted", DataType.FLOAT32, -1, n);
      graph.operator(
          BuiltinOperator.SUB,
          new OperatorOptions.Sub(Activation.NONE),
          new int[] {x, shift},
          shifted);
      int normalized = graph.tensor("normalized", DataType.FLOAT32, -1, n);
      graph.operator(
          BuiltinOperator.MUL,
          new OperatorOptions.Mul(Activation.NONE),
          new int[] {shifted, multiplier},
          normalized);
      x = normalized;
    }
    Weights weights = result.weights();
    TrainingConfig config = result.config();
    for (int layer = 0; layer < weights.layerCount(); layer++) {
      float[][] kernel = weights.kernels().get(layer);
      int inputs = kernel.length;
      int outputs = kernel[0].length;
      // TFLite keeps fully-connected weights as [outputs, inputs].
      float[] transposed = new float[outputs * inputs];
      for (int i = 0; i < inputs; i++) {
        for (int o = 0; o < outputs; o++) {
          transposed[o * inputs + i] = kernel[i][o];
        }
      }
      int w =
          graph.constant(
              "dense" + layer + "_kernel",
              DataType.FLOAT32,
              Shape.of(outputs, inputs),
              LiteBuffer.ofFloats(transposed));
      int b =
          graph.constant(
              "dense" + layer + "_bias",
              DataType.FLOAT32,
              Shape.of(outputs),
              LiteBuffer.ofFloats(weights.biases().get(layer)));
      boolean hidden = layer + 1 < weights.layerCount();
      boolean fuseRelu = hidden && config.activation() == io.edgeinfer.train.Activation.RELU;
      int z = graph.tensor("dense" + layer, DataType.FLOAT32, -1, outputs);
      graph.operator(
          BuiltinOperator.FULLY_CONNECTED,
          new OperatorOptions.FullyConnected(fuseRelu ? Activation.RELU : Activation.NONE),
          new int[] {x, w, b},
          z);
      x = z;
      if (hidden && !fuseRelu) {
        int activated =
            graph.tensor("dense" + layer + "_activation", DataType.FLOAT32, -1, outputs);
        BuiltinOperator op =
            config.activation() == io.edgeinfer.train.Activation.TANH
                ? BuiltinOperator.TANH
                : BuiltinOperator.LOGISTIC;
        graph.operator(op, new OperatorOptions.None(), new int[] {x}, activated);
        x = activated;
      }
    }
    Map<String, Integer> outputs = new LinkedHashMap<>();
    if (config.task() == Task.CLASSIFICATION) {
      int probabilities =
          graph.tensor(
              InferenceExport.PROBABILITIES, DataType.FLOAT32, -1, result.classLabels().count());
      graph.operator(
          BuiltinOperator.SOFTMAX, new OperatorOptions.Softmax(1f), new int[] {x}, probabilities);
      // class_id as in the SavedModel: the index of the largest logit, int64.
      int axis = graph.constant("class_axis", DataType.INT32, Shape.of(1), LiteBuffer.ofInts(1));
      int classId = graph.tensor(InferenceExport.CLASS_ID, DataType.INT64, -1);
      graph.operator(
          BuiltinOperator.ARG_MAX,
          new OperatorOptions.ArgMax(DataType.INT64),
          new int[] {x, axis},
          classId);
      outputs.put(InferenceExport.PROBABILITIES, probabilities);
      outputs.put(InferenceExport.CLASS_ID, classId);
    } else {
      outputs.put(InferenceExport.PREDICTION, x);
    }
    graph.inputs(features).outputs(outputs.values().stream().mapToInt(Integer::intValue).toArray());
    builder.signature("serving_default", graph, Map.of(InferenceExport.INPUT, features), outputs);
    // The card inside the file: its labels travel with it to the device.
    List<String> labels = new ArrayList<>();
    for (int id = 0; result.classLabels() != null && id < result.classLabels().count(); id++) {
      labels.add(result.classLabels().name(id));
    }
    String card = new io.edgeinfer.core.ModelCard(config.task().label(), labels).toJson();
    builder.metadata(ModelCardMetadata.NAME, ModelCardMetadata.of(card));
    // And TFLite's standard metadata, for TFLite's own tooling (and our engine) to find the labels.
    String source = Path.of(result.dataSource()).getFileName().toString();
    new StandardMetadata(
            "edgeinfer " + config.task().label() + " model of " + source,
            description(result, source),
            "edgeinfer train",
            inputNote(result),
            labels)
        .write(OpVersions.apply(builder.build()), file);
  }

  private static String description(TrainingResult result, String source) {
    String what =
        result.config().task() == Task.CLASSIFICATION
            ? "Classifies rows of "
                + result.featureCount()
                + " features into "
                + result.classLabels().count()
                + " classes"
            : "Predicts a value from rows of " + result.featureCount() + " features";
    return what
        + "; trained by edgeinfer train on "
        + result.trainRows()
        + " rows of "
        + source
        + " (sha256 "
        + result.dataSha256()
        + ").";
  }

  /** The input takes raw values: the normalization is inside the graph, so none is declared. */
  private static String inputNote(TrainingResult result) {
    String features =
        result.featureCount() + " raw feature values a row, in the data's column order";
    return result.normalization().mode() == NormalizationMode.NONE
        ? features
        : features
            + "; the model normalizes them itself ("
            + result.normalization().mode().name().toLowerCase(java.util.Locale.ROOT)
            + "), so feed them unscaled";
  }
}
