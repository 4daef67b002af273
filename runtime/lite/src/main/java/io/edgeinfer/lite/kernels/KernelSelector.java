package io.edgeinfer.lite.kernels;

/**
 * Picks the kernel set once per JVM: the fastest one available, unless the system property {@code
 * edgeinfer.lite.kernels} names one ({@code fast} or {@code reference}, e.g. to check a result
 * against the specification).
 *
 * <p>Only plain-Java sets exist today, so "available" always means {@link FastKernels}. A Vector
 * API set would be chosen here when {@code jdk.incubator.vector} is in the boot layer (the launcher
 * can add it) and pass the same differential tests; it has to be built outside this module, whose
 * {@code -Werror} build rejects the incubator warning.
 */
public final class KernelSelector {
  /** The system property that overrides the choice. */
  public static final String PROPERTY = "edgeinfer.lite.kernels";

  private KernelSelector() {}

  private static final class Holder {
    static final Kernels SELECTED = select(System.getProperty(PROPERTY));
  }

  /** The kernel set for this JVM, chosen on first use. */
  public static Kernels kernels() {
    return Holder.SELECTED;
  }

  /** The kernel set a property value asks for; null or empty means the fastest. */
  static Kernels select(String name) {
    if (name == null || name.isBlank() || name.equals("fast")) {
      return new FastKernels();
    }
    if (name.equals("reference")) {
      return new ReferenceKernels();
    }
    throw new IllegalArgumentException(
        "expected " + PROPERTY + " to be fast or reference, found " + name);
  }
}
