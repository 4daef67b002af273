package io.edgeinfer.lite.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.MalformedModelException;
import org.junit.jupiter.api.Test;

/**
 * F10: a valid file that claims more operators than any converter writes is refused from its
 * counts, before a Java object is made for each.
 */
class ModelSizeLimitsTest {
  @Test
  void aModelOfTooManyOperatorsIsRefusedBeforeItIsDecoded() {
    byte[] file = reluChain(ModelSizeLimits.MAX_OPERATORS + 1);
    MalformedModelException e =
        assertThrows(MalformedModelException.class, () -> TfliteFile.read(file));
    assertEquals(
        "expected at most 100000 operators in a model (edgeinfer's limit, far above what"
            + " converters write), found 100001",
        e.getMessage());
  }

  @Test
  void aModelAtTheLimitReads() throws Exception {
    byte[] file = reluChain(1_000);
    assertEquals(1_000, TfliteFile.read(file).mainSubgraph().operators().size());
  }

  @Test
  void claimsLargerThanTheFileAreRefused() {
    java.nio.ByteBuffer bb =
        java.nio.ByteBuffer.wrap(reluChain(1_000)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    // The same tables in a file said to be 10,000 bytes: 1,001 entries need 16,016 at least.
    MalformedModelException e =
        assertThrows(
            MalformedModelException.class, () -> ModelSizeLimits.check(FlatTable.root(bb), 10_000));
    assertEquals(
        "expected a file of at least 16016 bytes for the 1000 operators and 1 tensors it claims"
            + " (a table of 16+ bytes each), found 10000 bytes: its entries point at shared"
            + " tables",
        e.getMessage());
  }

  @Test
  void aModelWhoseObjectsWouldNotFitTheHeapIsRefusedBeforeItIsDecoded() throws Exception {
    java.util.function.LongSupplier heap = ModelSizeLimits.heapBytes;
    // A JVM of 64 MB heap: 32 MB for the model's objects.
    ModelSizeLimits.heapBytes = () -> 64L << 20;
    try {
      byte[] file = reluChain(90_000);
      io.edgeinfer.core.UnsupportedModelException e =
          assertThrows(
              io.edgeinfer.core.UnsupportedModelException.class, () -> TfliteFile.read(file));
      // 90,000 x 512 + 1 x 384 bytes = 43.9 MB, rounded up; 60,000 take 29.3 MB and load.
      assertEquals(
          "expected a model whose objects fit half of this JVM's heap (32 MB), found one that"
              + " needs about 44 MB to load: 90000 operators and 1 tensors",
          e.getMessage());
      assertEquals(60_000, TfliteFile.read(reluChain(60_000)).mainSubgraph().operators().size());
    } finally {
      ModelSizeLimits.heapBytes = heap;
    }
  }

  /** One tensor, RELU applied to it {@code operators} times in place: small on disk. */
  private static byte[] reluChain(int operators) {
    LiteModelBuilder model = new LiteModelBuilder();
    LiteModelBuilder.Graph g = model.graph("g");
    int x = g.tensor("x", DataType.FLOAT32, 1, 4);
    for (int i = 0; i < operators; i++) {
      g.operator(BuiltinOperator.RELU, new OperatorOptions.None(), new int[] {x}, x);
    }
    g.inputs(x).outputs(x);
    return TfliteWriter.toBytes(model.build());
  }
}
