package io.edgeinfer.quantize;

import io.edgeinfer.core.DiskUsage;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.MemoryNeed;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.lite.LiteEngine;
import io.edgeinfer.lite.format.TfliteVerifier;
import io.edgeinfer.lite.format.TfliteWriter;
import io.edgeinfer.quantize.convert.LiteGraph;
import io.edgeinfer.quantize.convert.TfToLite;
import io.edgeinfer.quantize.graph.ConversionException;
import io.edgeinfer.quantize.graph.FrozenGraph;
import io.edgeinfer.quantize.graph.GraphFreezer;
import io.edgeinfer.quantize.quant.ActivationParams;
import io.edgeinfer.quantize.quant.Mode;
import io.edgeinfer.quantize.quant.ModelEmitter;
import io.edgeinfer.quantize.quant.Range;
import io.edgeinfer.train.Evaluator;
import io.edgeinfer.train.StandardMetadata;
import io.edgeinfer.train.data.Dataset;
import io.edgeinfer.train.data.DatasetReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts a SavedModel signature to a .tflite file in a mode: freeze, map, calibrate (int8), emit,
 * verify, compare with TensorFlow, gate on accuracy, and only then put the file in place.
 */
public final class Quantizer {
  private static final int COMPARE_BATCH = 64;

  private Quantizer() {}

  /**
   * @throws ConversionException when the model cannot be converted, with what and why; the output
   *     file is then not written
   * @throws AccuracyGateException when the accuracy drop exceeds the bound; the report is in it
   */
  public static QuantizeReport quantize(QuantizeRequest request)
      throws ModelException, IOException {
    return quantize(request, QuantizeProgress.NONE);
  }

  /** The same, telling {@code progress} how far calibration and the comparison are. */
  public static QuantizeReport quantize(QuantizeRequest request, QuantizeProgress progress)
      throws ModelException, IOException {
    return quantize(request, ReferenceCheck.fromEnvironment().orElse(null), progress);
  }

  /**
   * As {@link #quantize(QuantizeRequest)}, with the file also run in TensorFlow Lite's reference
   * kernels on the calibration samples when {@code oracle} (the {@code tflm_oracle} executable) is
   * given: one more line in the report.
   */
  public static QuantizeReport quantize(QuantizeRequest request, Path oracle)
      throws ModelException, IOException {
    return quantize(request, oracle, QuantizeProgress.NONE);
  }

  /** The same, with progress. */
  public static QuantizeReport quantize(
      QuantizeRequest request, Path oracle, QuantizeProgress progress)
      throws ModelException, IOException {
    FrozenGraph frozen =
        GraphFreezer.freeze(request.model(), request.signature(), request.inputShapes());
    LiteGraph graph = TfToLite.convert(frozen);
    if (graph.inputs().size() != 1) {
      throw new ConversionException(
          "expected a signature with one input, found " + graph.inputs().keySet());
    }
    int[] inputShape = graph.value(graph.inputs().values().iterator().next()).shape();
    SampleData samples =
        request.calibrationData() == null
            ? null
            : SampleData.read(
                request.calibrationData(),
                inputShape,
                request.calibrationSamples(),
                request.labelColumn(),
                request.csv());
    Map<Integer, io.edgeinfer.lite.format.QuantParams> activations = Map.of();
    if (request.mode() == Mode.INT8) {
      Map<Integer, Range> ranges =
          Calibrator.ranges(graph, samples, request.percentile(), progress);
      activations = ActivationParams.of(graph, ranges);
    }
    ModelEmitter.Emitted emitted =
        ModelEmitter.emit(
            graph, request.mode(), activations, request.int8Io(), request.perTensor());
    Path parent = request.out().toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempFile(parent, ".edgeinfer-quantize", ".tflite");
    try {
      standardMetadata(request).write(withCard(emitted.model(), request.model()), temp);
      TfliteVerifier.verify(java.nio.ByteBuffer.wrap(Files.readAllBytes(temp)));
      Comparison comparison = samples == null ? null : compare(request, temp, samples, progress);
      double before = Double.NaN;
      double after = Double.NaN;
      if (request.evalData() != null) {
        Dataset data = DatasetReader.read(request.evalData(), request.labelColumn(), request.csv());
        before = accuracy(request.model(), request.signature(), data, "tensorflow");
        after = accuracy(temp, request.signature(), data, LiteEngine.NAME);
      }
      boolean within =
          request.maxAccuracyDrop() == null || 100 * (before - after) <= request.maxAccuracyDrop();
      QuantizeReport report =
          new QuantizeReport(
              request.model().toString(),
              request.signature(),
              request.mode().label(),
              request.out().toString(),
              savedModelBytes(request.model()),
              DiskUsage.bytes(request.model().resolve("variables")),
              Files.size(temp),
              operators(graph, emitted),
              emitted.weightErrors(),
              comparison,
              before,
              after,
              request.maxAccuracyDrop(),
              within,
              notes(request.mode(), emitted.model()),
              null);
      if (oracle != null && samples != null) {
        report =
            report.withReference(
                ReferenceCheck.compare(oracle, temp, request.signature(), samples));
      }
      if (!within) {
        throw new AccuracyGateException(report);
      }
      Files.move(
          temp, request.out(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return report;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * What the signature converted to float32 would need in the lite engine for batches of {@code
   * batch} rows, from a temporary conversion (nothing is written where the user looks); a device
   * profile scales this to each precision to choose the mode that fits.
   */
  public static MemoryNeed float32Need(
      Path model, String signature, Map<String, int[]> inputShapes, int batch)
      throws ModelException, IOException {
    LiteGraph graph = TfToLite.convert(GraphFreezer.freeze(model, signature, inputShapes));
    Path temp = Files.createTempFile("edgeinfer-float32", ".tflite");
    try {
      TfliteWriter.write(
          ModelEmitter.emit(graph, Mode.FLOAT32, Map.of(), false, false).model(), temp);
      return new LiteEngine().estimate(temp, LoadOptions.DEFAULTS, batch);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static Map<String, Integer> operators(LiteGraph graph, ModelEmitter.Emitted emitted) {
    Map<String, Integer> counts = new TreeMap<>();
    emitted
        .model()
        .mainSubgraph()
        .operators()
        .forEach(op -> counts.merge(name(emitted.model().opCode(op)), 1, Integer::sum));
    return counts;
  }

  /**
   * Says so when the file is not what the mode promises: int8 asked of a graph with no weights (the
   * model's inputs and the element-wise ops on them with constants stay float, so nothing is left
   * to quantize), or float16 of one without float constants.
   */
  private static java.util.List<String> notes(Mode mode, io.edgeinfer.lite.format.LiteModel model) {
    io.edgeinfer.core.DataType stored =
        switch (mode) {
          case FLOAT32 -> null;
          case FLOAT16 -> io.edgeinfer.core.DataType.FLOAT16;
          case DYNAMIC_INT8, INT8 -> io.edgeinfer.core.DataType.INT8;
        };
    boolean any =
        stored == null || model.mainSubgraph().tensors().stream().anyMatch(t -> t.type() == stored);
    if (any) {
      return java.util.List.of();
    }
    return java.util.List.of(
        "mode "
            + mode.label()
            + " asked, but the graph has no weights to store as "
            + stored.name().toLowerCase(java.util.Locale.ROOT)
            + " (its operations read the float input and constants directly): wrote a float32"
            + " file");
  }

  /**
   * The SavedModel's model card ({@code train} writes one beside it) carried inside the file, so
   * its class labels reach a device that gets the file alone.
   */
  private static io.edgeinfer.lite.format.LiteModel withCard(
      io.edgeinfer.lite.format.LiteModel model, Path savedModel)
      throws IOException, ModelException {
    Path card = savedModel.resolve(io.edgeinfer.core.ModelCard.FILE_NAME);
    if (!Files.isRegularFile(card)) {
      return model;
    }
    String compact =
        io.edgeinfer.core.ModelCard.parse(Files.readString(card), card.toString()).toJson();
    return io.edgeinfer.lite.format.ModelCardMetadata.attach(model, compact);
  }

  /**
   * TFLite's standard metadata for the file: what it was made from, and the class labels of the
   * SavedModel's model card when it has one.
   */
  private static StandardMetadata standardMetadata(QuantizeRequest request) throws ModelException {
    List<String> labels =
        io.edgeinfer.core.ModelCard.read(request.model())
            .map(io.edgeinfer.core.ModelCard::classLabels)
            .orElse(List.of());
    String source = request.model().toAbsolutePath().normalize().getFileName().toString();
    return new StandardMetadata(
        source,
        "Signature '"
            + request.signature()
            + "' of the SavedModel "
            + source
            + ", converted by edgeinfer quantize (mode "
            + request.mode().label()
            + ").",
        "edgeinfer quantize",
        "",
        labels);
  }

  /** The operator's name without its version (the version follows from the types). */
  private static String name(io.edgeinfer.lite.format.LiteOpCode code) {
    return code.builtin().map(Enum::name).orElse(code.displayName());
  }

  private static Comparison compare(
      QuantizeRequest request, Path tflite, SampleData samples, QuantizeProgress progress)
      throws ModelException {
    double max = 0;
    double sum = 0;
    long count = 0;
    int agree = 0;
    int classified = 0;
    try (Model reference = Engines.load(request.model(), "tensorflow", LoadOptions.DEFAULTS);
        Predictor tf = reference.predictor(request.signature());
        Model converted = new LiteEngine().load(tflite, LoadOptions.DEFAULTS);
        Predictor lite = converted.predictor(request.signature())) {
      String input = tf.signature().inputs().get(0).name();
      for (int from = 0; from < samples.size(); from += COMPARE_BATCH) {
        int to = Math.min(samples.size(), from + COMPARE_BATCH);
        Tensor batch = samples.batch(from, to);
        Map<String, Tensor> expected = tf.predict(Map.of(input, batch));
        Map<String, Tensor> actual = lite.predict(Map.of(input, batch));
        boolean first = true;
        for (Map.Entry<String, Tensor> output : expected.entrySet()) {
          Tensor want = output.getValue();
          Tensor got = actual.get(output.getKey());
          if (got == null || !want.dataType().isFloatingPoint()) {
            continue;
          }
          float[] w = want.toFloatArray();
          float[] g = got.toFloatArray();
          for (int i = 0; i < w.length; i++) {
            double diff = Math.abs(w[i] - g[i]);
            max = Math.max(max, diff);
            sum += diff;
          }
          count += w.length;
          int[] dims = want.shape().dims();
          if (first && dims.length == 2 && dims[1] >= 2) {
            for (int r = 0; r < dims[0]; r++) {
              classified++;
              agree += argmax(w, r * dims[1], dims[1]) == argmax(g, r * dims[1], dims[1]) ? 1 : 0;
            }
            first = false;
          }
        }
        progress.update("comparing with TensorFlow", to, samples.size());
      }
    }
    return new Comparison(
        samples.size(),
        max,
        count == 0 ? 0 : sum / count,
        classified == 0 ? Double.NaN : (double) agree / classified);
  }

  /** The index of the largest of {@code length} values from {@code offset}. */
  static int argmax(float[] values, int offset, int length) {
    int best = 0;
    for (int i = 1; i < length; i++) {
      if (values[offset + i] > values[offset + best]) {
        best = i;
      }
    }
    return best;
  }

  private static double accuracy(Path model, String signature, Dataset data, String engine)
      throws ModelException {
    try (Model loaded = Engines.load(model, engine, LoadOptions.DEFAULTS)) {
      var evaluation = Evaluator.evaluate(loaded, signature, data);
      if (evaluation.classification() == null) {
        throw new ConversionException(
            "expected a classifier for --eval-data (accuracy), found a regression model");
      }
      return evaluation.classification().accuracy();
    }
  }

  private static long savedModelBytes(Path dir) throws IOException {
    return Files.size(dir.resolve("saved_model.pb")) + DiskUsage.bytes(dir.resolve("variables"));
  }
}
