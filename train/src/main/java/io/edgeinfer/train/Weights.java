package io.edgeinfer.train;

import java.util.ArrayList;
import java.util.List;

/**
 * The trained values of a dense network: for each layer a kernel [inputs][outputs] and a bias
 * [outputs], from the first hidden layer to the output layer.
 */
public record Weights(List<float[][]> kernels, List<float[]> biases) {
  public Weights {
    if (kernels.size() != biases.size()) {
      throw new IllegalArgumentException(
          "expected a bias per kernel, found " + kernels.size() + " and " + biases.size());
    }
    kernels = List.copyOf(kernels);
    biases = List.copyOf(biases);
  }

  public int layerCount() {
    return kernels.size();
  }

  /** The number of trainable values, e.g. 6,922 for 32-64-64-10. */
  public long parameterCount() {
    long count = 0;
    for (int i = 0; i < kernels.size(); i++) {
      count += (long) kernels.get(i).length * kernels.get(i)[0].length + biases.get(i).length;
    }
    return count;
  }

  /** A deep copy, so that a snapshot is not changed by later training. */
  public Weights copy() {
    List<float[][]> kernelCopies = new ArrayList<>();
    for (float[][] kernel : kernels) {
      float[][] copy = new float[kernel.length][];
      for (int r = 0; r < kernel.length; r++) {
        copy[r] = kernel[r].clone();
      }
      kernelCopies.add(copy);
    }
    List<float[]> biasCopies = new ArrayList<>();
    biases.forEach(b -> biasCopies.add(b.clone()));
    return new Weights(kernelCopies, biasCopies);
  }
}
