package io.edgeinfer.profiles;

import io.edgeinfer.core.MemoryNeed;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What edgeinfer should do on one kind of board. Checked when made: a profile that exists is
 * consistent (the budget fits the memory and holds the engine's own runtime, the engine runs the
 * precision, threads fit the cores).
 *
 * @param name lower case, digits and dashes; a built-in profile's file is {@code NAME.yaml}
 * @param description one line for people
 * @param arch the board's processor architecture
 * @param cores the board's processor cores
 * @param memoryMb the board's memory
 * @param budgetMb the memory edgeinfer may use, runtime included (the rest is the system's)
 * @param engine the engine to run a model in when it can load the model
 * @param precision the precision to quantize to for this board
 * @param threads worker threads (serve's pipeline, TensorFlow's intra-op threads)
 * @param batching serve's batching
 * @param jvm JVM options on one line, applied by the launcher
 * @param mqtt serve's MQTT defaults
 * @param detect when this profile is the board edgeinfer runs on
 */
public record DeviceProfile(
    String name,
    String description,
    Arch arch,
    int cores,
    long memoryMb,
    long budgetMb,
    EngineKind engine,
    Precision precision,
    int threads,
    Batching batching,
    String jvm,
    MqttDefaults mqtt,
    DetectionRules detect) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public DeviceProfile {
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(batching, "batching");
    Objects.requireNonNull(mqtt, "mqtt");
    Objects.requireNonNull(detect, "detect");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "field 'name': expected lower-case letters, digits and dashes, found '" + name + "'");
    }
    if (description == null || description.isBlank() || description.contains("\n")) {
      throw new IllegalArgumentException(
          "field 'description': expected one line of text, found '" + description + "'");
    }
    if (cores < 1) {
      throw new IllegalArgumentException(
          "field 'cores': expected a whole number >= 1, found " + cores);
    }
    if (memoryMb < 1) {
      throw new IllegalArgumentException(
          "field 'memory-mb': expected a whole number >= 1, found " + memoryMb);
    }
    if (budgetMb > memoryMb) {
      throw new IllegalArgumentException(
          "field 'budget-mb': expected at most memory-mb (" + memoryMb + "), found " + budgetMb);
    }
    if (budgetMb < engine.overheadMb()) {
      throw new IllegalArgumentException(
          "field 'budget-mb': expected at least "
              + engine.overheadMb()
              + ", the "
              + engine
              + " runtime's own overhead before any model, found "
              + budgetMb);
    }
    if (!engine.runs(precision)) {
      throw new IllegalArgumentException(
          "field 'precision': expected float32 or int8 with engine "
              + engine
              + " (it runs no float16 or hybrid models), found "
              + precision);
    }
    if (threads < 1 || threads > cores) {
      throw new IllegalArgumentException(
          "field 'threads': expected a whole number from 1 to cores ("
              + cores
              + "), found "
              + threads);
    }
    if (jvm == null || jvm.contains("\"") || jvm.contains("\n") || jvm.contains("\\")) {
      throw new IllegalArgumentException(
          "field 'jvm': expected JVM options on one line without quotes or backslashes, found '"
              + jvm
              + "'");
    }
  }

  /** The same profile for a board with other memory, cores and budget (detection scales them). */
  public DeviceProfile withResources(
      String newDescription, int newCores, long newMemoryMb, long newBudgetMb, int newThreads) {
    return new DeviceProfile(
        name,
        newDescription,
        arch,
        newCores,
        newMemoryMb,
        newBudgetMb,
        engine,
        precision,
        newThreads,
        batching,
        jvm,
        mqtt,
        detect);
  }

  public DeviceProfile withEngine(EngineKind newEngine, Precision newPrecision) {
    return new DeviceProfile(
        name,
        description,
        arch,
        cores,
        memoryMb,
        budgetMb,
        newEngine,
        newPrecision,
        threads,
        batching,
        jvm,
        mqtt,
        detect);
  }

  /** A copy under another name and description, e.g. a tuned local profile. */
  public DeviceProfile withName(String newName, String newDescription) {
    return new DeviceProfile(
        newName,
        newDescription,
        arch,
        cores,
        memoryMb,
        budgetMb,
        engine,
        precision,
        threads,
        batching,
        jvm,
        mqtt,
        detect);
  }

  public DeviceProfile withTuning(Precision newPrecision, int newThreads) {
    return new DeviceProfile(
        name,
        description,
        arch,
        cores,
        memoryMb,
        budgetMb,
        engine,
        newPrecision,
        newThreads,
        batching,
        jvm,
        mqtt,
        detect);
  }

  public long budgetBytes() {
    return budgetMb << 20;
  }

  /**
   * The most precise mode, no more precise than this profile prefers and run by its engine, in
   * which a model whose float32 need is {@code float32Need} fits the budget; empty when none does.
   * Weights and activations scale with the bytes each precision stores; the overhead stays. This is
   * what {@code edgeinfer quantize --profile} asks.
   */
  public Optional<Precision> precisionThatFits(MemoryNeed float32Need) {
    for (Precision candidate : Precision.values()) {
      if (candidate.compareTo(precision) < 0 || !engine.runs(candidate)) {
        continue;
      }
      long need =
          float32Need.weightsBytes() * candidate.weightBytes() / 4
              + float32Need.arenaBytes() * candidate.activationBytes() / 4
              + float32Need.overheadBytes();
      if (need <= budgetBytes()) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
