package io.edgeinfer.lite;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.MemoryNeed;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteSignature;
import io.edgeinfer.lite.format.LiteSubgraph;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.ModelSizeLimits;
import io.edgeinfer.lite.format.TfliteFile;
import io.edgeinfer.lite.kernels.KernelSelector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.TreeSet;

/**
 * The memory a .tflite model needs in the lite engine, worked out from the file's tables without
 * compiling kernels or allocating the arena. What it counts:
 *
 * <ul>
 *   <li>weights: the constant buffers (memory-mapped; preparing the kernels reads every one, so
 *       they all become resident) plus the kernels' own prepared copies on the heap (repacked,
 *       widened int8, biases), counted at 4 bytes per element as an upper bound, plus the padding
 *       of the Vector API convolutions' packed weights ({@link #packedPaddingBytes}), and the
 *       loaded model's own objects (tables, kernels, plan) per operator and tensor ({@link
 *       ModelSizeLimits#heapNeed}), which the loader has already checked against the heap from the
 *       counts alone, before decoding anything;
 *   <li>arena: the arrays {@link Plan} allocates, shared between activations whose lifetimes do not
 *       overlap ({@link MemoryPlanner}; 4 bytes per float32 or int32 element, 8 per int64, 1
 *       otherwise), with the batch dimension scaled to the batch asked, plus the largest kernel
 *       scratch (convolution planes and tiles, fully-connected accumulators);
 *   <li>overhead: {@link #RUNTIME_OVERHEAD_BYTES}.
 * </ul>
 */
final class LiteMemoryEstimate {
  /**
   * The process before any model, measured as peak RSS on Java 17 / x86_64 with Google's
   * hello_world_int8 model (a few KB): {@code edgeinfer serve --profile pi-zero-2w} answering three
   * MQTT requests, 84 MB with that profile's JVM options ({@code -Xmx128m -Xss256k -XX:+UseSerialGC
   * -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=16m}) and its two workers (75 MB with one);
   * {@code predict} 55-65 MB. Rounded up to 96 MB.
   */
  static final long RUNTIME_OVERHEAD_BYTES = 96L << 20;

  /** Bytes per element of a prepared weight copy: at most an int or a float. */
  private static final int COPY_BYTES = 4;

  private LiteMemoryEstimate() {}

  static MemoryNeed of(Path path, int batch) throws ModelException {
    return of(path, batch, 1);
  }

  /**
   * The need with {@code threads} threads splitting large convolutions: each helper thread keeps a
   * convolution scratch of its own.
   */
  static MemoryNeed of(Path path, int batch, int threads) throws ModelException {
    if (batch < 1) {
      throw new IllegalArgumentException("expected a batch >= 1, found " + batch);
    }
    return of(TfliteFile.open(path), batch, threads);
  }

  static MemoryNeed of(LiteModel model, int batch) {
    return of(model, batch, 1);
  }

  static MemoryNeed of(LiteModel model, int batch, int threads) {
    long mapped = 0;
    TreeSet<Integer> buffersSeen = new TreeSet<>();
    long copies = 0;
    long arena = 0;
    long operators = 0;
    long tensors = 0;
    for (LiteSubgraph graph : model.subgraphs()) {
      operators += graph.operators().size();
      tensors += graph.tensors().size();
    }
    for (int index : subgraphsRun(model)) {
      LiteSubgraph graph = model.subgraphs().get(index);
      BitSet copied = new BitSet();
      for (LiteOperator op : graph.operators()) {
        for (int t : op.inputs()) {
          if (t == LiteOperator.OMITTED) {
            continue;
          }
          LiteTensor tensor = graph.tensor(t);
          if (model.isConstant(tensor)) {
            if (buffersSeen.add(tensor.buffer())) {
              mapped += model.buffers().get(tensor.buffer()).size();
            }
            if (!copied.get(t)) {
              copied.set(t);
              copies += COPY_BYTES * tensor.shape().elementCount();
            }
          }
        }
      }
      copies += packedPaddingBytes(model, graph);
      arena += arenaBytes(model, graph, batch, Math.max(1, threads));
    }
    return new MemoryNeed(
        mapped + copies + ModelSizeLimits.heapNeed(operators, tensors),
        arena,
        RUNTIME_OVERHEAD_BYTES,
        "constant buffers (mapped) and the kernels' copies at <= 4 bytes per element, the loaded"
            + " model's objects for "
            + operators
            + " operators and "
            + tensors
            + " tensors; arrays"
            + " shared by activations of disjoint lifetimes for batch "
            + batch
            + " and the kernels' scratch ("
            + threads
            + (threads == 1 ? " thread" : " threads")
            + "); runtime measured at 84 MB peak RSS for serve with"
            + " the pi-zero-2w profile, rounded up to 96 MB");
  }

  /** Output channels the Vector API kernels pad their packed weights to (a 512-bit vector). */
  static final int PACKED_CHANNELS = 16;

  /**
   * What the Vector API convolutions add to their weights when they pack them at load: output
   * channels padded to whole vectors ({@link #PACKED_CHANNELS}), and per channel a padded bias and
   * the requantization's nine 64-bit constants (counted for every layer, float ones too); and the
   * same padding of the FULLY_CONNECTED layers' weights and bias (int8 and uint8 ones with nine
   * 64-bit constants per padded output).
   */
  static long packedPaddingBytes(LiteModel model, LiteSubgraph graph) {
    long bytes = 0;
    for (LiteOperator op : graph.operators()) {
      if (isFloatDense(model, graph, op)) {
        LiteTensor weights = graph.tensor(op.input(1));
        long outputs = weights.shape().dim(0);
        long inputs = weights.shape().dim(1);
        bytes += COPY_BYTES * (packed(outputs) - outputs) * (inputs + 1);
        continue;
      }
      if (isInt8Dense(model, graph, op)) {
        // Padding outputs of bytes (counted as the other copies are, 4 bytes an element) and the
        // requantization's nine 64-bit constants per padded output.
        LiteTensor weights = graph.tensor(op.input(1));
        long outputs = weights.shape().dim(0);
        long inputs = weights.shape().dim(1);
        long padded = packed(outputs);
        bytes += COPY_BYTES * (padded - outputs) * (inputs + 1) + 9 * 8 * padded;
        continue;
      }
      boolean conv = model.opCode(op).is(BuiltinOperator.CONV_2D);
      boolean depthwise = model.opCode(op).is(BuiltinOperator.DEPTHWISE_CONV_2D);
      if ((!conv && !depthwise) || op.inputs().size() < 2 || op.input(1) == LiteOperator.OMITTED) {
        continue;
      }
      LiteTensor filter = graph.tensor(op.input(1));
      if (filter.shape().rank() != 4) {
        continue;
      }
      long channels = filter.shape().dim(conv ? 0 : 3);
      long perChannel = filter.shape().elementCount() / Math.max(1, channels);
      long padded = packed(channels);
      bytes += COPY_BYTES * (padded - channels) * perChannel + (4 + 9 * 8) * padded;
    }
    return bytes;
  }

  /** A FULLY_CONNECTED with float32 weights {@code [outputs, inputs]}. */
  private static boolean isFloatDense(LiteModel model, LiteSubgraph graph, LiteOperator op) {
    if (!model.opCode(op).is(BuiltinOperator.FULLY_CONNECTED)
        || op.inputs().size() < 2
        || op.input(1) == LiteOperator.OMITTED) {
      return false;
    }
    LiteTensor weights = graph.tensor(op.input(1));
    return weights.type() == DataType.FLOAT32 && weights.shape().rank() == 2;
  }

  /**
   * A FULLY_CONNECTED with int8 or uint8 weights {@code [outputs, inputs]} and an int8 or uint8
   * input (not hybrid): the Vector API kernel packs its weights into padded panels of bytes.
   */
  private static boolean isInt8Dense(LiteModel model, LiteSubgraph graph, LiteOperator op) {
    if (!model.opCode(op).is(BuiltinOperator.FULLY_CONNECTED)
        || op.inputs().size() < 2
        || op.input(0) == LiteOperator.OMITTED
        || op.input(1) == LiteOperator.OMITTED) {
      return false;
    }
    LiteTensor weights = graph.tensor(op.input(1));
    LiteTensor input = graph.tensor(op.input(0));
    return isByte(weights.type()) && isByte(input.type()) && weights.shape().rank() == 2;
  }

  private static boolean isByte(DataType type) {
    return type == DataType.INT8 || type == DataType.UINT8;
  }

  /**
   * The scratch of the Vector API int8 FULLY_CONNECTED, per thread that runs a share of its
   * outputs: the input row in float, the sums (outputs padded to whole vectors, and half a vector
   * of slack) in float and in int, and a few longs.
   */
  static long vectorDenseScratchBytes(LiteModel model, LiteSubgraph graph) {
    long most = 0;
    for (LiteOperator op : graph.operators()) {
      if (isInt8Dense(model, graph, op)) {
        LiteTensor weights = graph.tensor(op.input(1));
        long padded = packed(weights.shape().dim(0));
        long inputs = weights.shape().dim(1);
        most =
            Math.max(most, 4 * (inputs + 2 * padded + PACKED_CHANNELS / 2) + 8 * PACKED_CHANNELS);
      }
    }
    return most;
  }

  /** {@code channels} rounded up to whole vectors ({@link #PACKED_CHANNELS}). */
  private static long packed(long channels) {
    return (channels + PACKED_CHANNELS - 1) / PACKED_CHANNELS * PACKED_CHANNELS;
  }

  /** The subgraphs the signatures point at, or the main one when the file declares none. */
  private static TreeSet<Integer> subgraphsRun(LiteModel model) {
    TreeSet<Integer> indices = new TreeSet<>();
    List<LiteSignature> signatures = model.signatures();
    if (signatures.isEmpty()) {
      indices.add(0);
    }
    for (LiteSignature signature : signatures) {
      if (signature.subgraphIndex() < model.subgraphs().size()) {
        indices.add(signature.subgraphIndex());
      }
    }
    return indices;
  }

  private static long arenaBytes(LiteModel model, LiteSubgraph graph, int batch, int threads) {
    int rows = hasDynamicBatch(graph) ? batch : 1;
    boolean vector = KernelSelector.kernels().name().equals("vector");
    return layout(model, graph, rows).arenaBytes()
        + threads * convScratchBytes(model, graph, rows)
        + (vector
            ? threads
                * (vectorConvScratchBytes(model, graph) + vectorDenseScratchBytes(model, graph))
            : 0)
        + fullyConnectedScratchBytes(model, graph, vector);
  }

  /**
   * The scratch of the Vector API convolutions (the kernels this JVM runs when {@link
   * KernelSelector} picked them), an upper bound: CONV_2D's patch rows and padded output rows for a
   * tile of up to 256 pixels, DEPTHWISE_CONV_2D's zero-padded band of input rows (8 output rows)
   * and one output row (with a vector or so of slack each), channels padded to {@link
   * #PACKED_CHANNELS}, plus the int and long rows of the exact int8 sums and requantization.
   */
  static long vectorConvScratchBytes(LiteModel model, LiteSubgraph graph) {
    long patches = 0;
    long rows = 0;
    long ints = 0;
    long longs = 0;
    for (LiteOperator op : graph.operators()) {
      boolean conv = model.opCode(op).is(BuiltinOperator.CONV_2D);
      boolean depthwise = model.opCode(op).is(BuiltinOperator.DEPTHWISE_CONV_2D);
      if ((!conv && !depthwise) || op.inputs().size() < 2 || op.input(1) == LiteOperator.OMITTED) {
        continue;
      }
      LiteTensor input = graph.tensor(op.input(0));
      LiteTensor filter = graph.tensor(op.input(1));
      LiteTensor output = graph.tensor(op.output(0));
      if (filter.shape().rank() != 4 || input.shape().rank() != 4 || output.shape().rank() != 4) {
        continue;
      }
      long kh = filter.shape().dim(1);
      long kw = filter.shape().dim(2);
      long channels = filter.shape().dim(conv ? 0 : 3);
      long padded = packed(channels);
      if (conv) {
        long taps = kh * kw * filter.shape().dim(3);
        long tile = Math.max(4, Math.min(256, 16384 / Math.max(1, taps)) / 4 * 4);
        patches = Math.max(patches, tile * taps);
        rows = Math.max(rows, tile * padded + PACKED_CHANNELS);
        ints = Math.max(ints, tile * padded);
      } else {
        long inH = input.shape().dim(1);
        long inW = input.shape().dim(2);
        long outH = Math.max(1, output.shape().dim(1));
        long outW = output.shape().dim(2);
        long strideH = (inH + outH - 1) / outH;
        long strideW = (inW + outW - 1) / Math.max(1, outW);
        // Int8 splits the columns by stride phase, each phase rounded up to whole columns.
        long width = inW + kw - 1 + strideW - 1;
        long band = 8 * strideH + kh;
        patches = Math.max(patches, band * width * padded + PACKED_CHANNELS);
        rows = Math.max(rows, outW * padded + 3 * PACKED_CHANNELS);
        ints = Math.max(ints, kh * kw);
      }
      longs = Math.max(longs, padded);
    }
    return 4 * (patches + rows + ints) + 8 * longs;
  }

  private static boolean hasDynamicBatch(LiteSubgraph graph) {
    boolean dynamicBatch = false;
    for (int input : graph.inputs()) {
      LiteTensor tensor = graph.tensor(input);
      dynamicBatch |= tensor.shapeSignature().rank() > 0 && tensor.shapeSignature().dim(0) == -1;
    }
    return dynamicBatch;
  }

  /**
   * The arrays {@link Plan} shares between the subgraph's activations for batches of {@code batch}
   * rows, with their lifetimes taken from the operators' order as the steps will run (a DEQUANTIZE
   * of float16 weights is folded into a constant at load: it runs no step).
   */
  static MemoryPlanner.Layout layout(LiteModel model, LiteSubgraph graph, int batch) {
    int count = graph.tensors().size();
    int[] first = new int[count];
    int[] last = new int[count];
    Arrays.fill(first, Integer.MAX_VALUE);
    Arrays.fill(last, Integer.MIN_VALUE);
    for (int input : graph.inputs()) {
      first[input] = -1;
      last[input] = Math.max(last[input], -1);
    }
    int step = 0;
    for (LiteOperator op : graph.operators()) {
      if (isFoldedAtLoad(model, graph, op)) {
        continue;
      }
      for (int t : op.inputs()) {
        if (t != LiteOperator.OMITTED) {
          last[t] = Math.max(last[t], step);
        }
      }
      for (int t : op.outputs()) {
        first[t] = Math.min(first[t], step);
        last[t] = Math.max(last[t], step);
      }
      step++;
    }
    for (int output : graph.outputs()) {
      last[output] = step;
    }
    for (int t = 0; t < count; t++) {
      if (graph.tensor(t).variable() && first[t] != Integer.MAX_VALUE) {
        first[t] = -1;
        last[t] = step;
      }
    }
    List<MemoryPlanner.Need> needs = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      LiteTensor tensor = graph.tensor(t);
      if (first[t] != Integer.MAX_VALUE && !model.isConstant(tensor)) {
        needs.add(
            new MemoryPlanner.Need(
                t,
                MemoryPlanner.ArrayKind.of(tensor.type()),
                (tensor.type() == DataType.COMPLEX64 ? 2 : 1) * elements(tensor, batch),
                first[t],
                last[t]));
      }
    }
    return MemoryPlanner.plan(needs);
  }

  private static boolean isFoldedAtLoad(LiteModel model, LiteSubgraph graph, LiteOperator op) {
    if (!model.opCode(op).is(BuiltinOperator.DEQUANTIZE) || op.inputs().isEmpty()) {
      return false;
    }
    int source = op.input(0);
    return source != LiteOperator.OMITTED
        && graph.tensor(source).type() == DataType.FLOAT16
        && model.isConstant(graph.tensor(source));
  }

  /**
   * The float slots that FULLY_CONNECTED (up to four accumulator rows, four rows at a time; with
   * the Vector API kernels, the last group of up to four vectors of a float layer, padded, in slot
   * 0) and DEPTHWISE_CONV_2D (an accumulator and an input row of its channels, in slots 0 and 1)
   * share.
   */
  private static long fullyConnectedScratchBytes(
      LiteModel model, LiteSubgraph graph, boolean vector) {
    long widest = 0;
    long paddedGroup = 0;
    long channels = 0;
    for (LiteOperator op : graph.operators()) {
      if (op.inputs().size() < 2 || op.input(1) == LiteOperator.OMITTED) {
        continue;
      }
      LiteTensor weights = graph.tensor(op.input(1));
      if (model.opCode(op).is(BuiltinOperator.FULLY_CONNECTED) && weights.shape().rank() == 2) {
        widest = Math.max(widest, weights.shape().dim(0));
        if (vector && isFloatDense(model, graph, op)) {
          paddedGroup =
              Math.max(paddedGroup, Math.min(packed(weights.shape().dim(0)), 4 * PACKED_CHANNELS));
        }
      } else if (model.opCode(op).is(BuiltinOperator.DEPTHWISE_CONV_2D)
          && weights.shape().rank() == 4) {
        channels = Math.max(channels, weights.shape().dim(3));
      }
    }
    long first = Math.max(paddedGroup, Math.max(widest, channels));
    return 4 * (first + Math.max(widest, channels) + 2 * widest);
  }

  /**
   * The elements of a tensor's buffer for {@code batch} rows: a leading dimension that is -1 in the
   * signature, or 1 as converters record a variable batch, follows the batch.
   */
  private static long elements(LiteTensor tensor, int batch) {
    long count = tensor.shape().elementCount();
    if (batch == 1 || tensor.shape().rank() == 0) {
      return count;
    }
    boolean batched = tensor.shapeSignature().dim(0) == -1 || tensor.shape().dim(0) == 1;
    return batched ? count / Math.max(1, tensor.shape().dim(0)) * batch : count;
  }

  /**
   * The float scratch of the CONV_2D layers: the input as one plane per channel, and tiles of
   * patches and accumulators of at most 256 output pixels (as the conv kernel sizes them). A
   * scratch row grows to the longest any layer asked of it ({@code Scratch#floatRows}).
   */
  private static long convScratchBytes(LiteModel model, LiteSubgraph graph, int batch) {
    List<long[]> planes = new ArrayList<>();
    List<long[]> patches = new ArrayList<>();
    List<long[]> accumulators = new ArrayList<>();
    for (LiteOperator op : graph.operators()) {
      if (!model.opCode(op).is(BuiltinOperator.CONV_2D) || op.input(1) == LiteOperator.OMITTED) {
        continue;
      }
      LiteTensor input = graph.tensor(op.input(0));
      LiteTensor filter = graph.tensor(op.input(1));
      if (filter.shape().rank() != 4 || input.shape().rank() != 4) {
        continue;
      }
      int outChannels = filter.shape().dim(0);
      long taps = (long) filter.shape().dim(1) * filter.shape().dim(2) * filter.shape().dim(3);
      long tile = Math.max(16, Math.min(256, (128 * 1024) / Math.max(1, taps)));
      // One plane of height x width per channel of every row of the batch.
      long plane = (long) input.shape().dim(1) * input.shape().dim(2);
      planes.add(new long[] {elements(input, batch) / Math.max(1, plane), plane});
      patches.add(new long[] {taps, tile});
      accumulators.add(new long[] {outChannels, tile});
    }
    return 4 * (rowElements(planes) + rowElements(patches) + rowElements(accumulators));
  }

  /** The elements of scratch rows after asks of {rows, length}: row r as long as any ask past r. */
  static long rowElements(List<long[]> asks) {
    List<long[]> byRows = new ArrayList<>(asks);
    byRows.sort((a, b) -> Long.compare(b[0], a[0]));
    long total = 0;
    long longest = 0;
    for (int i = 0; i < byRows.size(); i++) {
      longest = Math.max(longest, byRows.get(i)[1]);
      long next = i + 1 < byRows.size() ? byRows.get(i + 1)[0] : 0;
      total += (byRows.get(i)[0] - next) * longest;
    }
    return total;
  }
}
