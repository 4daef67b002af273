package io.edgeinfer.mqtt;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Image models in plain Java with answers a test can work out: {@code image} float32 [1, 8, 8, 3]
 * (normalized by the vision path's default, (pixel - 127.5) / 127.5). The classifier answers {@code
 * scores} [1, 3] = softmax(10 × mean of each channel), so a picture mostly red is "red"; the
 * segmenter answers [1, 8, 8, 2] per pixel, class 1 where the red channel is above the middle.
 */
public final class ColourModel implements Model {
  private static final TensorSpec IMAGE =
      new TensorSpec("image", DataType.FLOAT32, Shape.of(1, 8, 8, 3));
  private final boolean segment;
  private final Signature signature;

  private ColourModel(boolean segment) {
    this.segment = segment;
    TensorSpec output =
        segment
            ? new TensorSpec("mask", DataType.FLOAT32, Shape.of(1, 8, 8, 2))
            : new TensorSpec("scores", DataType.FLOAT32, Shape.of(1, 3));
    signature = new Signature("serving_default", List.of(IMAGE), List.of(output));
  }

  public static ColourModel classifier() {
    return new ColourModel(false);
  }

  public static ColourModel segmenter() {
    return new ColourModel(true);
  }

  /** What the classifier scores for a normalized mean colour. */
  public static float[] scores(double r, double g, double b) {
    double[] e = {Math.exp(10 * r), Math.exp(10 * g), Math.exp(10 * b)};
    double sum = e[0] + e[1] + e[2];
    return new float[] {(float) (e[0] / sum), (float) (e[1] / sum), (float) (e[2] / sum)};
  }

  @Override
  public Path path() {
    return Path.of(segment ? "colour-segmenter" : "colour-classifier");
  }

  @Override
  public String engine() {
    return "java";
  }

  @Override
  public List<Signature> signatures() {
    return List.of(signature);
  }

  @Override
  public Map<String, String> metadata() {
    return Map.of();
  }

  @Override
  public Predictor predictor(String name) {
    return new Predictor() {
      @Override
      public Signature signature() {
        return signature;
      }

      @Override
      public Map<String, Tensor> predict(Map<String, Tensor> inputs) {
        float[] pixels = inputs.get("image").toFloatArray();
        if (segment) {
          float[] mask = new float[64 * 2];
          for (int p = 0; p < 64; p++) {
            mask[p * 2 + (pixels[p * 3] > 0 ? 1 : 0)] = 1f;
          }
          return Map.of("mask", Tensor.ofFloats(mask, 1, 8, 8, 2));
        }
        double[] mean = new double[3];
        for (int p = 0; p < 64; p++) {
          for (int c = 0; c < 3; c++) {
            mean[c] += pixels[p * 3 + c] / 64.0;
          }
        }
        return Map.of("scores", Tensor.ofFloats(scores(mean[0], mean[1], mean[2]), 1, 3));
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void close() {}
}
