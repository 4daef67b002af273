package io.edgeinfer.core.vision;

import com.fasterxml.jackson.core.JsonGenerator;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.OutputEncoder;
import java.io.IOException;
import java.util.Map;

/**
 * The output tensors as they are, written as {@code predict} writes any prediction: {@code
 * {"task":"raw","predictions":[...]}}.
 */
public record RawOutputs(Map<String, Tensor> outputs, Signature signature) implements VisionResult {
  public RawOutputs {
    outputs = Map.copyOf(outputs);
  }

  @Override
  public VisionTask task() {
    return VisionTask.RAW;
  }

  @Override
  public void writeFields(JsonGenerator json) throws IOException {
    json.writeStringField("task", task().label());
    OutputEncoder.writePredictionsField(json, outputs, signature, false);
  }
}
