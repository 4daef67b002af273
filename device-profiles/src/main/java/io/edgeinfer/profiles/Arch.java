package io.edgeinfer.profiles;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A processor architecture as profiles name it, and the {@code os.arch} values that mean it. */
public enum Arch {
  ARM64("arm64", List.of("aarch64", "arm64")),
  /** 32-bit ARM (Raspberry Pi OS 32-bit reports {@code arm}); TensorFlow has no natives here. */
  ARMV7("armv7", List.of("arm", "armv7l", "armhf", "aarch32")),
  X86_64("x86_64", List.of("amd64", "x86_64"));

  private final String label;
  private final List<String> osArchNames;

  Arch(String label, List<String> osArchNames) {
    this.label = label;
    this.osArchNames = osArchNames;
  }

  public String label() {
    return label;
  }

  public boolean is64Bit() {
    return this != ARMV7;
  }

  public static Optional<Arch> fromLabel(String label) {
    return Arrays.stream(values()).filter(a -> a.label.equals(label)).findFirst();
  }

  /** The architecture a JVM's {@code os.arch} stands for. */
  public static Optional<Arch> fromOsArch(String osArch) {
    return Arrays.stream(values()).filter(a -> a.osArchNames.contains(osArch)).findFirst();
  }

  public static String labels() {
    return Arrays.stream(values()).map(Arch::label).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return label;
  }
}
