package io.edgeinfer.core.vision;

import io.edgeinfer.core.Model;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorMetadata;
import io.edgeinfer.core.TensorSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The four outputs of {@code TFLite_Detection_PostProcess} as labelled boxes in the original
 * image's pixels. Which output is which: by the names the model's metadata gives them ({@code
 * location}, {@code category}, {@code score}, {@code number of detections}); else by their sizes
 * once they are computed (boxes {@code [1, N, 4]} as {@code (ymin, xmin, ymax, xmax)} in 0..1 of
 * the input, count {@code [1]}) and, of the two {@code [1, N]}, the classes are the one holding
 * only whole numbers (SSD's op writes classes then scores, EfficientDet exports scores first); when
 * both do, the op's order.
 *
 * @param boxes the boxes output's name
 * @param byMetadata whether the metadata named all four (else they are told apart at each run)
 */
record DetectOutputs(
    String boxes, String classes, String scores, String count, boolean byMetadata) {

  static DetectOutputs of(Model model, Signature signature) {
    List<TensorSpec> outputs = signature.outputs();
    String[] names = {
      outputs.get(0).name(), outputs.get(1).name(), outputs.get(2).name(), outputs.get(3).name()
    };
    String[] roles = {"location", "category", "score", "number of detections"};
    String[] byMetadata = new String[4];
    int found = 0;
    for (TensorSpec output : outputs) {
      String described =
          model
              .outputMetadata(signature.name(), output.name())
              .map(TensorMetadata::name)
              .orElse("")
              .toLowerCase(Locale.ROOT);
      for (int r = 0; r < roles.length; r++) {
        if (described.equals(roles[r]) && byMetadata[r] == null) {
          byMetadata[r] = output.name();
          found++;
        }
      }
    }
    String[] chosen = found == 4 ? byMetadata : names;
    return new DetectOutputs(chosen[0], chosen[1], chosen[2], chosen[3], found == 4);
  }

  /** The roles told from the computed outputs, for a model whose metadata does not name them. */
  private DetectOutputs bySize(Map<String, Tensor> outputs) {
    List<String> names = List.of(boxes, classes, scores, count);
    String box = null;
    String number = null;
    List<String> perDetection = new ArrayList<>();
    for (String name : names) {
      int size = outputs.get(name).size();
      if (size == 1 && number == null) {
        number = name;
      } else if (box == null && size % 4 == 0 && isFourTimesAnother(outputs, names, name)) {
        box = name;
      } else {
        perDetection.add(name);
      }
    }
    if (box == null || number == null || perDetection.size() != 2) {
      return this;
    }
    String first = perDetection.get(0);
    String second = perDetection.get(1);
    boolean firstWhole = wholeNumbers(outputs.get(first));
    boolean secondWhole = wholeNumbers(outputs.get(second));
    if (secondWhole && !firstWhole) {
      return new DetectOutputs(box, second, first, number, false);
    }
    return new DetectOutputs(box, first, second, number, false);
  }

  private static boolean isFourTimesAnother(
      Map<String, Tensor> outputs, List<String> names, String name) {
    int size = outputs.get(name).size();
    return names.stream().anyMatch(other -> outputs.get(other).size() * 4 == size);
  }

  private static boolean wholeNumbers(Tensor tensor) {
    for (float v : tensor.toFloatArray()) {
      if (v != Math.rint(v)) {
        return false;
      }
    }
    return true;
  }

  Detections read(
      Map<String, Tensor> outputs,
      ImageTransform transform,
      Labels labels,
      float threshold,
      int maxResults) {
    if (!byMetadata) {
      return bySize(outputs).readAs(outputs, transform, labels, threshold, maxResults);
    }
    return readAs(outputs, transform, labels, threshold, maxResults);
  }

  private Detections readAs(
      Map<String, Tensor> outputs,
      ImageTransform transform,
      Labels labels,
      float threshold,
      int maxResults) {
    float[] box = outputs.get(boxes).toFloatArray();
    float[] cls = outputs.get(classes).toFloatArray();
    float[] score = outputs.get(scores).toFloatArray();
    float[] counted = outputs.get(count).toFloatArray();
    int n = Math.min(Math.min(box.length / 4, cls.length), score.length);
    if (counted.length > 0) {
      n = Math.min(n, Math.max(0, (int) counted[0]));
    }
    List<Detection> found = new ArrayList<>();
    for (int i = 0; i < n && found.size() < maxResults; i++) {
      if (!(score[i] >= threshold)) {
        continue;
      }
      int index = Math.round(cls[i]);
      double top = transform.imageY(box[4 * i] * transform.inputHeight());
      double left = transform.imageX(box[4 * i + 1] * transform.inputWidth());
      double bottom = transform.imageY(box[4 * i + 2] * transform.inputHeight());
      double right = transform.imageX(box[4 * i + 3] * transform.inputWidth());
      int x = (int) Math.round(left);
      int y = (int) Math.round(top);
      Box b = new Box(x, y, (int) Math.round(right) - x, (int) Math.round(bottom) - y);
      found.add(new Detection(new Category(labels.of(index), index, score[i]), b));
    }
    // The op gives them best first; keep that order even if a model does not.
    found.sort((a, b) -> Float.compare(b.category().score(), a.category().score()));
    return new Detections(transform.imageWidth(), transform.imageHeight(), found);
  }
}
