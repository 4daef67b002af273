package io.edgeinfer.core;

/**
 * What a model is expected to take in memory once loaded, worked out without loading it, so that a
 * model too large for a device is refused before anything is allocated.
 *
 * @param weightsBytes the model's constants as they become resident (mapped pages, and copies an
 *     engine keeps of them)
 * @param arenaBytes the activation buffers (and kernel scratch) planned for the batch asked
 * @param overheadBytes the process before any model: JVM, edgeinfer and the engine's own runtime
 * @param basis where the figures come from, one line for people (e.g. the measurement behind the
 *     overhead)
 */
public record MemoryNeed(long weightsBytes, long arenaBytes, long overheadBytes, String basis) {
  public MemoryNeed {
    if (weightsBytes < 0 || arenaBytes < 0 || overheadBytes < 0) {
      throw new IllegalArgumentException(
          "expected byte counts >= 0, found weights "
              + weightsBytes
              + ", arena "
              + arenaBytes
              + ", overhead "
              + overheadBytes);
    }
    if (basis == null) {
      throw new IllegalArgumentException("expected a basis, found null");
    }
  }

  /** Weights, arena and overhead together: the resident memory the model asks for. */
  public long totalBytes() {
    return weightsBytes + arenaBytes + overheadBytes;
  }

  /** The total in whole mebibytes, rounded up (a need is never understated). */
  public long totalMb() {
    return (totalBytes() + (1L << 20) - 1) >> 20;
  }
}
