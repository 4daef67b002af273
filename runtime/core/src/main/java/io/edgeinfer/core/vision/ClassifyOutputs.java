package io.edgeinfer.core.vision;

import io.edgeinfer.core.Tensor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A classifier's scores as the top classes. */
final class ClassifyOutputs {
  private ClassifyOutputs() {}

  /**
   * The {@code topK} best classes scoring at least {@code threshold}, best first; ties go to the
   * lower index.
   */
  static Classification read(Tensor scores, Labels labels, int topK, float threshold) {
    float[] values = scores.toFloatArray();
    List<Category> all = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      if (values[i] >= threshold) {
        all.add(new Category(labels.of(i), i, values[i]));
      }
    }
    all.sort(
        Comparator.comparingDouble((Category c) -> -c.score()).thenComparingInt(Category::index));
    return new Classification(all.subList(0, Math.min(topK, all.size())));
  }
}
