package io.edgeinfer.lite.kernels;

/**
 * Working memory for kernels, one per thread that runs operations (the interpreter keeps one per
 * execution context, beside its activation arena). A buffer grows the first time a larger one is
 * asked for and is reused after that, so once every operation has run once nothing is allocated.
 * Slots let one operation hold up to four buffers of each type at a time; their contents do not
 * survive from one operation to the next. Not thread-safe.
 */
public final class Scratch {
  /** Slots of each element type. */
  public static final int SLOTS = 4;

  private final float[][] floats = new float[SLOTS][0];
  private final int[][] ints = new int[SLOTS][0];
  private final byte[][] bytes = new byte[SLOTS][0];
  private final long[][] longs = new long[SLOTS][0];
  private final float[][][] floatRows = new float[SLOTS][0][0];
  private final int[][][] intRows = new int[SLOTS][0][0];

  // The step this scratch's thread is in (0: a caller that does not count steps, such as a test)
  // and what was noted in it (see noted).
  private long step;
  private long notedStep;
  private Object notedOwner;
  private Object notedInput;

  /**
   * Marks the start of another step of a plan, or of another split on a gang's worker: what was
   * {@link #note noted} before lapses.
   */
  public void nextStep() {
    step++;
  }

  /**
   * True when {@code owner} {@link #note noted} {@code input} in this step: a step split into
   * several parts run on one thread can then do once per thread what each part would redo (an int8
   * 1x1 convolution split by output channels converts the whole input to float). Always false where
   * steps are not counted.
   */
  public boolean noted(Object owner, Object input) {
    return step != 0 && notedStep == step && notedOwner == owner && notedInput == input;
  }

  /** Notes that {@code owner} has prepared {@code input} in this step (see {@link #noted}). */
  public void note(Object owner, Object input) {
    notedStep = step;
    notedOwner = owner;
    notedInput = input;
  }

  /** A float buffer of at least {@code length} elements; its contents are unspecified. */
  public float[] floats(int slot, int length) {
    float[] buffer = floats[slot];
    if (buffer.length < length) {
      buffer = new float[length];
      floats[slot] = buffer;
    }
    return buffer;
  }

  /** An int buffer of at least {@code length} elements; its contents are unspecified. */
  public int[] ints(int slot, int length) {
    int[] buffer = ints[slot];
    if (buffer.length < length) {
      buffer = new int[length];
      ints[slot] = buffer;
    }
    return buffer;
  }

  /** A long buffer of at least {@code length} elements; its contents are unspecified. */
  public long[] longs(int slot, int length) {
    long[] buffer = longs[slot];
    if (buffer.length < length) {
      buffer = new long[length];
      longs[slot] = buffer;
    }
    return buffer;
  }

  /** A byte buffer of at least {@code length} elements; its contents are unspecified. */
  public byte[] bytes(int slot, int length) {
    byte[] buffer = bytes[slot];
    if (buffer.length < length) {
      buffer = new byte[length];
      bytes[slot] = buffer;
    }
    return buffer;
  }

  /**
   * At least {@code rows} float rows of at least {@code length} elements each (kernels that index
   * several arrays with one loop variable, so that C2 vectorizes them, work on rows). Each row
   * grows on its own: a layer with many short rows and one with few long rows do not make many long
   * rows (MobileNet's convolutions made 51 MB of input planes that way, per thread).
   */
  public float[][] floatRows(int slot, int rows, int length) {
    float[][] buffer = floatRows[slot];
    if (buffer.length < rows) {
      float[][] more = new float[rows][];
      System.arraycopy(buffer, 0, more, 0, buffer.length);
      for (int r = buffer.length; r < rows; r++) {
        more[r] = new float[length];
      }
      buffer = more;
      floatRows[slot] = buffer;
    }
    for (int r = 0; r < rows; r++) {
      if (buffer[r].length < length) {
        buffer[r] = new float[length];
      }
    }
    return buffer;
  }

  /** Int rows, as {@link #floatRows}. */
  public int[][] intRows(int slot, int rows, int length) {
    int[][] buffer = intRows[slot];
    if (buffer.length < rows) {
      int[][] more = new int[rows][];
      System.arraycopy(buffer, 0, more, 0, buffer.length);
      for (int r = buffer.length; r < rows; r++) {
        more[r] = new int[length];
      }
      buffer = more;
      intRows[slot] = buffer;
    }
    for (int r = 0; r < rows; r++) {
      if (buffer[r].length < length) {
        buffer[r] = new int[length];
      }
    }
    return buffer;
  }

  /** The bytes this scratch holds now, for memory budgets. */
  public long bytes() {
    long total = 0;
    for (int slot = 0; slot < SLOTS; slot++) {
      total += 4L * floats[slot].length + 4L * ints[slot].length + bytes[slot].length;
      total += 8L * longs[slot].length;
      for (float[] row : floatRows[slot]) {
        total += 4L * row.length;
      }
      for (int[] row : intRows[slot]) {
        total += 4L * row.length;
      }
    }
    return total;
  }
}
