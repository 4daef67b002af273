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
