package io.edgeinfer.train;

import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.NpyCodec;
import io.edgeinfer.train.data.Dataset;
import io.edgeinfer.train.report.LearningCurvePlot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes everything a training run leaves behind in its output folder: the SavedModel, the model
 * card, the history and the learning-curve plot.
 */
public final class TrainedModelWriter {
  public static final String HISTORY = "history.csv";
  public static final String PLOT = "learning-curves.png";
  public static final String TEST_SPLIT = "test-split.npy";

  private TrainedModelWriter() {}

  /**
   * Refuses an existing folder unless {@code force}, in which case it is replaced. Call before
   * training, so that a long run is not wasted on a folder it may not write.
   */
  public static void prepare(Path dir, boolean force) throws IOException {
    if (Files.exists(dir)) {
      if (!force) {
        throw new IllegalArgumentException(
            "expected a new output folder, found an existing one: "
                + dir
                + " (use --force to replace it)");
      }
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(TrainedModelWriter::delete);
      }
    }
  }

  public static void write(TrainingResult result, Path dir) throws IOException {
    InferenceExport.write(result, dir);
    LiteExport.write(result, dir.resolve(LiteExport.FILE_NAME));
    ModelCard.write(result, dir.resolve(ModelCard.FILE_NAME));
    result.history().writeCsv(dir.resolve(HISTORY));
    if (result.testRows() > 0) {
      // The held-out rows, raw, label last: `evaluate` on them repeats the end-of-training test.
      Files.write(dir.resolve(TEST_SPLIT), NpyCodec.write(withLabels(result.testData())));
    }
    LearningCurvePlot.write(
        result.history(),
        "edgeinfer train: " + Path.of(result.dataSource()).getFileName(),
        dir.resolve(PLOT));
  }

  private static Tensor withLabels(Dataset data) {
    int width = data.featureCount() + 1;
    float[] flat = new float[data.size() * width];
    for (int r = 0; r < data.size(); r++) {
      System.arraycopy(data.features()[r], 0, flat, r * width, width - 1);
      flat[r * width + width - 1] = data.labels()[r];
    }
    return Tensor.ofFloats(flat, data.size(), width);
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
