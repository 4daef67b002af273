package io.edgeinfer.lite;

import io.edgeinfer.lite.format.LiteSubgraph;
import io.edgeinfer.lite.ops.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps a bound call must run for the outputs it reads: those that compute them, back through
 * their inputs, and every step that touches a variable tensor (state such as an LSTM's, which
 * outlives the call). An output nobody reads (the seed MLP's class id beside its probabilities)
 * costs nothing then.
 */
final class LiveSteps {
  private LiveSteps() {}

  /** The steps of {@code steps}, in their order, that {@code outputs} (tensor indices) need. */
  static Step[] of(List<Step> steps, LiteSubgraph graph, int[] outputs) {
    boolean[] needed = new boolean[graph.tensors().size()];
    for (int t : outputs) {
      needed[t] = true;
    }
    boolean[] runs = new boolean[steps.size()];
    for (int s = steps.size() - 1; s >= 0; s--) {
      Step step = steps.get(s);
      runs[s] = touchesState(graph, step) || any(needed, step.outputs());
      if (runs[s]) {
        for (int in : step.inputs()) {
          needed[in] = true;
        }
      }
    }
    List<Step> live = new ArrayList<>();
    for (int s = 0; s < steps.size(); s++) {
      if (runs[s]) {
        live.add(steps.get(s));
      }
    }
    return live.toArray(new Step[0]);
  }

  private static boolean any(boolean[] needed, int[] tensors) {
    for (int t : tensors) {
      if (needed[t]) {
        return true;
      }
    }
    return false;
  }

  private static boolean touchesState(LiteSubgraph graph, Step step) {
    for (int t : step.inputs()) {
      if (graph.tensor(t).variable()) {
        return true;
      }
    }
    for (int t : step.outputs()) {
      if (graph.tensor(t).variable()) {
        return true;
      }
    }
    return false;
  }
}
