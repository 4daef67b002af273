package io.edgeinfer.core.vision;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.TensorSpec;
import java.util.List;

/**
 * Tells the task from the outputs, as the Task Library's three vision tasks shape them: four
 * outputs of {@code TFLite_Detection_PostProcess} detect; one output {@code [1, h, w, classes]} of
 * scores (or {@code [1, h, w]} of integer categories) segments; one output {@code [1, classes]}
 * classifies; anything else is raw.
 */
final class TaskChooser {
  static final String DETECTION_OP = "TFLite_Detection_PostProcess";

  private TaskChooser() {}

  static VisionTask choose(Model model, Signature signature) {
    List<TensorSpec> outputs = signature.outputs();
    if (outputs.size() == 4 && isDetector(model, signature)) {
      return VisionTask.DETECT;
    }
    if (outputs.size() != 1) {
      return VisionTask.RAW;
    }
    Shape shape = outputs.get(0).shape();
    if (shape.isUnknownRank()) {
      return VisionTask.RAW;
    }
    if (shape.rank() == 4 && shape.dim(1) > 1 && shape.dim(2) > 1 && shape.dim(3) > 1) {
      return VisionTask.SEGMENT;
    }
    if (shape.rank() == 3
        && shape.dim(1) > 1
        && shape.dim(2) > 1
        && isInteger(outputs.get(0).dataType())) {
      return VisionTask.SEGMENT; // the category mask itself (an ArgMax at the end of the model)
    }
    long classes = 1;
    for (int i = 1; i < shape.rank(); i++) {
      classes *= shape.dim(i);
    }
    boolean flat =
        shape.rank() == 2 || (shape.rank() == 4 && shape.dim(1) == 1 && shape.dim(2) == 1);
    return flat && classes > 1 ? VisionTask.CLASSIFY : VisionTask.RAW;
  }

  private static boolean isInteger(DataType type) {
    return type == DataType.INT32
        || type == DataType.INT64
        || type == DataType.UINT8
        || type == DataType.INT8;
  }

  private static boolean isDetector(Model model, Signature signature) {
    if (signature.outputs().stream().anyMatch(o -> o.name().contains(DETECTION_OP))) {
      return true;
    }
    return model.metadata().keySet().stream().anyMatch(k -> k.contains(DETECTION_OP));
  }
}
