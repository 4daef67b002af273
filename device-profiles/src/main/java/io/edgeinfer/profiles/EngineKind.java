package io.edgeinfer.profiles;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The engines a profile may prefer, with what each one costs before any model is loaded. The
 * overheads are the measured figures the engines' own {@code Engine.estimate} use (a test in the
 * command line module holds the two together).
 */
public enum EngineKind {
  /**
   * Pure Java; 96 MB: peak RSS of {@code serve --profile pi-zero-2w} with a tiny model measured 84
   * MB, rounded up.
   */
  LITE("lite", 96, EnumSet.of(Precision.FLOAT32, Precision.INT8)),
  /** TensorFlow Java; 300 MB: peak RSS of a bare TF Java 1.1.0 process. */
  TENSORFLOW("tensorflow", 300, EnumSet.allOf(Precision.class));

  private final String label;
  private final long overheadMb;
  private final Set<Precision> runs;

  EngineKind(String label, long overheadMb, Set<Precision> runs) {
    this.label = label;
    this.overheadMb = overheadMb;
    this.runs = runs;
  }

  /** The engine's name, as {@code --engine} takes it. */
  public String label() {
    return label;
  }

  /** The runtime's own memory in MB, before any model. */
  public long overheadMb() {
    return overheadMb;
  }

  /** Whether the engine runs models of this precision (lite runs no float16 or hybrid models). */
  public boolean runs(Precision precision) {
    return runs.contains(precision);
  }

  public Set<Precision> precisions() {
    return Set.copyOf(runs);
  }

  public static Optional<EngineKind> fromLabel(String label) {
    return Arrays.stream(values()).filter(e -> e.label.equals(label)).findFirst();
  }

  public static String labels() {
    return Arrays.stream(values()).map(EngineKind::label).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return label;
  }
}
