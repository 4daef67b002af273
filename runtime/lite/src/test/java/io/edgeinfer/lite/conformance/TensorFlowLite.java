package io.edgeinfer.lite.conformance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.tensorflow.lite.Interpreter;

/**
 * TensorFlow Lite 2.6.2 itself (Maven Central's {@code tflite-native-cpu} jar, test scope only), to
 * check that other runtimes read our files as we do. Its JNI library is copied out of the jar and
 * loaded here, so nothing is downloaded while the tests run.
 */
public final class TensorFlowLite {
  private static final String LIBRARY = "native/lib/libtensorflowlite_jni.so";
  private static String unavailable;
  private static boolean loaded;

  private TensorFlowLite() {}

  /** Loads the library once, or skips the calling test with the reason it cannot be loaded. */
  public static synchronized void require() {
    if (!loaded && unavailable == null) {
      unavailable = load();
      loaded = unavailable == null;
    }
    assumeTrue(loaded, "skipped: TensorFlow Lite 2.6.2 not runnable here: " + unavailable);
  }

  private static String load() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch");
    if (!os.contains("linux") || !arch.equals("amd64")) {
      return "its native library is for linux x86_64, this is " + os + " " + arch;
    }
    try (InputStream in = TensorFlowLite.class.getClassLoader().getResourceAsStream(LIBRARY)) {
      if (in == null) {
        return LIBRARY + " is not on the class path";
      }
      Path dir = Files.createTempDirectory("tflite-2.6.2");
      Path library = dir.resolve("libtensorflowlite_jni.so");
      Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
      library.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      System.load(library.toString());
      return null;
    } catch (IOException | UnsatisfiedLinkError e) {
      return e.toString();
    }
  }

  /**
   * Runs a model with one input on a batch of rows, resizing the batch dimension.
   *
   * @param input the input's bytes as the model stores them (float32 little-endian, or int8)
   * @param inputShape the batch's shape
   * @return every output's bytes, in the model's output order
   */
  public static byte[][] run(Path model, byte[] input, int[] inputShape) {
    require();
    try (Interpreter interpreter = new Interpreter(model.toFile())) {
      interpreter.resizeInput(0, inputShape);
      interpreter.allocateTensors();
      ByteBuffer in = ByteBuffer.allocateDirect(input.length).order(ByteOrder.nativeOrder());
      in.put(input).rewind();
      Map<Integer, Object> outputs = new HashMap<>();
      int count = interpreter.getOutputTensorCount();
      for (int i = 0; i < count; i++) {
        // Room for outputs whose size follows the input's (known only after the run).
        int room = Math.max(interpreter.getOutputTensor(i).numBytes(), 16 * input.length);
        outputs.put(i, ByteBuffer.allocateDirect(room).order(ByteOrder.nativeOrder()));
      }
      interpreter.runForMultipleInputsOutputs(new Object[] {in}, outputs);
      byte[][] bytes = new byte[count][];
      for (int i = 0; i < count; i++) {
        ByteBuffer out = (ByteBuffer) outputs.get(i);
        bytes[i] = new byte[interpreter.getOutputTensor(i).numBytes()];
        out.rewind();
        out.get(bytes[i]);
      }
      return bytes;
    }
  }

  /** TFLite's own version string ("2.6.2"). */
  public static String version() {
    require();
    return org.tensorflow.lite.TensorFlowLite.runtimeVersion();
  }
}
