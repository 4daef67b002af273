package io.edgeinfer.lite.kernels;

import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Picks the kernel set once per JVM: the fastest one available, unless the system property {@code
 * edgeinfer.lite.kernels} names one ({@code vector}, {@code fast} or {@code reference}, e.g. to
 * check a result against the specification).
 *
 * <p>The fastest is the Vector API set ({@code vector}) when the {@code edgeinfer-lite-vector}
 * module is on the class path (it registers itself as a {@link Kernels} service) and the JVM was
 * started with {@code --add-modules jdk.incubator.vector} (the launcher adds it); otherwise {@link
 * FastKernels}, in plain Java. Measured on MobileNet-shaped models (README, Performance), the
 * vector convolutions are 3-7x faster than the plain ones on Java 17 and on Java 25 alike.
 */
public final class KernelSelector {
  /** The system property that overrides the choice. */
  public static final String PROPERTY = "edgeinfer.lite.kernels";

  /** The incubating module the Vector API kernels need in the boot layer. */
  public static final String VECTOR_MODULE = "jdk.incubator.vector";

  private KernelSelector() {}

  private static final class Holder {
    static final Kernels SELECTED = select(System.getProperty(PROPERTY));
  }

  /** The kernel set for this JVM, chosen on first use. */
  public static Kernels kernels() {
    return Holder.SELECTED;
  }

  /** The kernel set a property value asks for; null or empty means the fastest. */
  public static Kernels select(String name) {
    if (name == null || name.isBlank()) {
      return vector().orElseGet(FastKernels::new);
    }
    return switch (name) {
      case "fast" -> new FastKernels();
      case "reference" -> new ReferenceKernels();
      case "vector" ->
          vector()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "expected the edgeinfer-lite-vector module on the class path and the JVM"
                              + " option --add-modules "
                              + VECTOR_MODULE
                              + " for "
                              + PROPERTY
                              + "=vector, found "
                              + (vectorModulePresent() ? "no vector kernels" : "no such module")));
      default ->
          throw new IllegalArgumentException(
              "expected " + PROPERTY + " to be vector, fast or reference, found " + name);
    };
  }

  static boolean vectorModulePresent() {
    return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
  }

  /** The Vector API kernels, when both their module and the incubator module are there. */
  static Optional<Kernels> vector() {
    if (!vectorModulePresent()) {
      return Optional.empty();
    }
    try {
      for (Kernels kernels :
          ServiceLoader.load(Kernels.class, KernelSelector.class.getClassLoader())) {
        if (kernels.name().equals("vector")) {
          return Optional.of(kernels);
        }
      }
    } catch (ServiceConfigurationError | LinkageError e) {
      // A broken or mismatched vector jar: the plain-Java kernels still work.
      return Optional.empty();
    }
    return Optional.empty();
  }
}
