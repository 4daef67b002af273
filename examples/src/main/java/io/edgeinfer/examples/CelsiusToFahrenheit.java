package io.edgeinfer.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Writes a tiny SavedModel whose answers anyone can check: fahrenheit = celsius × 1.8 + 32. Its
 * scale and offset are variables, so loading it exercises the same checkpoint restore as any
 * trained model.
 */
public final class CelsiusToFahrenheit {
  private CelsiusToFahrenheit() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: CelsiusToFahrenheit OUTPUT_DIR");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    if (Files.exists(out.resolve("saved_model.pb"))) {
      return;
    }
    export(out);
  }

  static void export(Path dir) throws IOException {
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> celsius =
          tf.withName("celsius").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
      Variable<TFloat32> scale = tf.withInitScope().withName("scale").variable(tf.constant(1.8f));
      Variable<TFloat32> offset = tf.withInitScope().withName("offset").variable(tf.constant(32f));
      Operand<TFloat32> fahrenheit =
          tf.withName("fahrenheit").math.add(tf.math.mul(celsius, scale), offset);
      session.initialize();
      Signature signature =
          Signature.builder()
              .key(Signature.DEFAULT_KEY)
              .input("celsius", celsius)
              .output("fahrenheit", fahrenheit)
              .build();
      SavedModelBundle.exporter(dir.toString())
          .withFunction(SessionFunction.create(signature, session))
          .export();
    }
  }
}
