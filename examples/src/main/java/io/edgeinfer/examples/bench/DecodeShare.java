package io.edgeinfer.examples.bench;

import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.image.RgbImage;
import io.edgeinfer.core.vision.VisionPipeline;

/**
 * Where one image's time goes, in process, on the serve path's own objects: decoding the JPEG
 * ({@link VisionPipeline#decode}), preparing the input (resize, normalize, quantize: {@code
 * preprocessing().apply}), and the rest of {@link VisionPipeline#run(RgbImage)} (the model and
 * reading its answer), each averaged over {@code rounds} after {@code warmup} untimed rounds.
 */
record DecodeShare(double decodeMs, double preprocessMs, double modelMs) {
  static DecodeShare measure(VisionPipeline pipeline, byte[] jpeg, int warmup, int rounds)
      throws ModelException {
    for (int i = 0; i < warmup; i++) {
      pipeline.run(jpeg);
    }
    long decode = 0;
    long preprocess = 0;
    long run = 0;
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      RgbImage image = pipeline.decode(jpeg);
      long t1 = System.nanoTime();
      pipeline.preprocessing().apply(image);
      long t2 = System.nanoTime();
      pipeline.run(image);
      long t3 = System.nanoTime();
      decode += t1 - t0;
      preprocess += t2 - t1;
      run += t3 - t2;
    }
    double decodeMs = decode / 1e6 / rounds;
    double preprocessMs = preprocess / 1e6 / rounds;
    // run() prepares the input again: what is left is the model and reading its answer.
    return new DecodeShare(decodeMs, preprocessMs, Math.max(0, run / 1e6 / rounds - preprocessMs));
  }

  double totalMs() {
    return decodeMs + preprocessMs + modelMs;
  }

  /** Decoding and preparing, as a share of an image's time. */
  double share() {
    return (decodeMs + preprocessMs) / totalMs();
  }
}
