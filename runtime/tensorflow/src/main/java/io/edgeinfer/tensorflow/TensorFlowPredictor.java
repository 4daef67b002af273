package io.edgeinfer.tensorflow;

import io.edgeinfer.core.FixedBatch;
import io.edgeinfer.core.InputValidator;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;

/**
 * Runs one signature through {@link Session#runner()}, the fastest path for small models. Every
 * native tensor it makes or receives is closed before {@link #predict} returns.
 */
final class TensorFlowPredictor implements Predictor {
  private final TensorFlowModel model;
  private final Session session;
  private final Signature signature;
  private final SignatureReader.GraphNames graphNames;

  TensorFlowPredictor(
      TensorFlowModel model,
      Session session,
      Signature signature,
      SignatureReader.GraphNames graphNames) {
    this.model = model;
    this.session = session;
    this.signature = signature;
    this.graphNames = graphNames;
  }

  @Override
  public Signature signature() {
    return signature;
  }

  @Override
  public Map<String, Tensor> predict(Map<String, Tensor> inputs) throws ModelException {
    return FixedBatch.predict(signature, inputs, this::run);
  }

  private Map<String, Tensor> run(Map<String, Tensor> inputs) throws ModelException {
    InputValidator.validate(signature, inputs);
    model.checkOpen();
    List<org.tensorflow.Tensor> fed = new ArrayList<>(inputs.size());
    try {
      Session.Runner runner = session.runner();
      for (TensorSpec spec : signature.inputs()) {
        org.tensorflow.Tensor tensor = TfTensors.toTensorFlow(spec.name(), inputs.get(spec.name()));
        fed.add(tensor);
        runner.feed(graphNames.inputs().get(spec.name()), tensor);
      }
      for (TensorSpec spec : signature.outputs()) {
        runner.fetch(graphNames.outputs().get(spec.name()));
      }
      try (Result result = runner.run()) {
        Map<String, Tensor> outputs = new LinkedHashMap<>();
        List<TensorSpec> specs = signature.outputs();
        for (int i = 0; i < specs.size(); i++) {
          outputs.put(specs.get(i).name(), TfTensors.fromTensorFlow(result.get(i)));
        }
        return outputs;
      }
    } catch (TensorFlowException e) {
      throw new ModelException(
          "expected signature '"
              + signature.name()
              + "' to run in TensorFlow, found an error: "
              + TensorFlowModel.firstLine(e.getMessage()),
          e);
    } finally {
      fed.forEach(org.tensorflow.Tensor::close);
    }
  }

  @Override
  public void close() {
    // The session belongs to the model; a predictor holds nothing of its own.
  }
}
