package io.edgeinfer.lite;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.ops.Buffers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Shares arrays between tensors whose lifetimes do not overlap. Buffers are typed Java arrays, so
 * there is one pool per array kind; each pooled array is sized for the largest tensor it holds, and
 * a tensor moves into an array of its kind whose tenants are all dead while it lives, else into a
 * new array (see {@link #plan} for the order).
 *
 * <p>A lifetime runs from the step that writes a tensor to the last step that reads it, both
 * included: a step's output therefore never shares an array with one of its own inputs, so no
 * kernel ever works in place.
 */
final class MemoryPlanner {
  private MemoryPlanner() {}

  /** The Java array a tensor of each type lives in ({@link Buffers}). */
  enum ArrayKind {
    FLOAT(4),
    SHORT(2),
    INT(4),
    LONG(8),
    BOOL(1),
    BYTE(1);

    final int bytes;

    ArrayKind(int bytes) {
      this.bytes = bytes;
    }

    static ArrayKind of(DataType type) {
      return switch (type) {
        case FLOAT32, COMPLEX64 -> FLOAT;
        case INT16 -> SHORT;
        case INT32 -> INT;
        case INT64 -> LONG;
        case BOOL -> BOOL;
        default -> BYTE;
      };
    }

    Object allocate(int elements) {
      return switch (this) {
        case FLOAT -> new float[elements];
        case SHORT -> new short[elements];
        case INT -> new int[elements];
        case LONG -> new long[elements];
        case BOOL -> new boolean[elements];
        case BYTE -> new byte[elements];
      };
    }
  }

  /**
   * One tensor to place: it is written at step {@code first} (-1 for graph inputs, written before
   * the first step) and last read at step {@code last}.
   */
  record Need(int tensor, ArrayKind kind, long elements, int first, int last) {
    Need {
      if (elements < 0 || last < first) {
        throw new IllegalArgumentException(
            "expected elements >= 0 and first <= last, found "
                + elements
                + " elements living from step "
                + first
                + " to "
                + last
                + " (tensor "
                + tensor
                + ")");
      }
    }

    long bytes() {
      return elements * kind.bytes;
    }

    boolean overlaps(Need other) {
      return first <= other.last && other.first <= last;
    }
  }

  /** A shared array: its kind, its length, and the tensors that take turns in it. */
  record Slot(ArrayKind kind, long elements, List<Need> tenants) {
    long bytes() {
      return elements * kind.bytes;
    }
  }

  /**
   * The arrays and which tensor lives in which.
   *
   * @param slotOf for each need (in the order given), the index of its slot
   */
  record Layout(List<Need> needs, List<Slot> slots, int[] slotOf) {
    /** The bytes of every planned array: what the arena costs. */
    long arenaBytes() {
      return slots.stream().mapToLong(Slot::bytes).sum();
    }

    /** The bytes of one array per tensor, what was allocated before arrays were shared. */
    long unsharedBytes() {
      return needs.stream().mapToLong(Need::bytes).sum();
    }
  }

  /** One array per tensor, as before arrays were shared: the reference the tests compare with. */
  static Layout unshared(List<Need> needs) {
    List<Slot> slots = new ArrayList<>();
    int[] slotOf = new int[needs.size()];
    for (int i = 0; i < needs.size(); i++) {
      Need need = needs.get(i);
      slots.add(new Slot(need.kind(), need.elements(), List.of(need)));
      slotOf[i] = i;
    }
    return new Layout(List.copyOf(needs), List.copyOf(slots), slotOf);
  }

  /**
   * The smaller of two greedy layouts: largest tensor first (TensorFlow Lite Micro's order), and in
   * order of first write, each into the free array that fits it best (or grows least). The first
   * leaves chains of layers badly placed when the input is large (a MobileNet's input takes the
   * biggest array and the layers after it need two more); the second fits them.
   */
  static Layout plan(List<Need> needs) {
    // Ties by earlier start, then tensor index, so that the same graph always gets the same
    // layout (the estimate and the real plan must agree).
    Comparator<Need> largestFirst =
        Comparator.comparingLong((Need n) -> -n.elements())
            .thenComparingInt(Need::first)
            .thenComparingInt(Need::tensor);
    Comparator<Need> firstWritten =
        Comparator.comparingInt(Need::first)
            .thenComparingLong(n -> -n.elements())
            .thenComparingInt(Need::tensor);
    Layout a = place(needs, largestFirst);
    Layout b = place(needs, firstWritten);
    return b.arenaBytes() < a.arenaBytes() ? b : a;
  }

  /** A pooled array being planned: its length grows when a larger tenant moves in. */
  private static final class Pool {
    final ArrayKind kind;
    long elements;
    final List<Need> tenants = new ArrayList<>();

    Pool(ArrayKind kind) {
      this.kind = kind;
    }

    boolean takes(Need need) {
      return kind == need.kind() && tenants.stream().noneMatch(need::overlaps);
    }

    /** Lower is better: the smallest array that holds the need, else the one that grows least. */
    long cost(Need need) {
      return elements >= need.elements()
          ? elements - need.elements()
          : Long.MAX_VALUE / 2 + (need.elements() - elements);
    }
  }

  private static Layout place(List<Need> needs, Comparator<Need> order) {
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < needs.size(); i++) {
      indices.add(i);
    }
    indices.sort((i, j) -> order.compare(needs.get(i), needs.get(j)));
    List<Pool> pools = new ArrayList<>();
    int[] slotOf = new int[needs.size()];
    for (int i : indices) {
      Need need = needs.get(i);
      int chosen = -1;
      for (int p = 0; p < pools.size(); p++) {
        Pool pool = pools.get(p);
        if (pool.takes(need) && (chosen < 0 || pool.cost(need) < pools.get(chosen).cost(need))) {
          chosen = p;
        }
      }
      if (chosen < 0) {
        chosen = pools.size();
        pools.add(new Pool(need.kind()));
      }
      Pool pool = pools.get(chosen);
      pool.tenants.add(need);
      pool.elements = Math.max(pool.elements, need.elements());
      slotOf[i] = chosen;
    }
    List<Slot> slots = new ArrayList<>();
    for (Pool pool : pools) {
      slots.add(new Slot(pool.kind, pool.elements, List.copyOf(pool.tenants)));
    }
    return new Layout(List.copyOf(needs), List.copyOf(slots), slotOf);
  }
}
