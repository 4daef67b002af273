package io.edgeinfer.lite.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.MalformedModelException;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.UnsupportedModelException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfliteFileTest {
  @TempDir Path dir;

  @Test
  void openMapsTheFileAndHandsOutViewsNotCopies() throws Exception {
    Path file = dir.resolve("sink.tflite");
    Files.write(file, TestModels.kitchenSinkBytes());
    LiteModel model = TfliteFile.open(file);
    assertEquals(TestModels.kitchenSink(), model);
    ByteBuffer weights = model.data(RoundTripTest.tensorNamed(model.mainSubgraph(), "conv/w"));
    assertTrue(weights.isDirect(), "a view of the mapping, not a heap copy");
    assertTrue(weights.isReadOnly());
    assertEquals(ByteOrder.LITTLE_ENDIAN, weights.order());
    assertEquals(108 * 4, weights.remaining());
    // Every caller gets its own position.
    weights.getFloat();
    assertEquals(
        0, model.data(RoundTripTest.tensorNamed(model.mainSubgraph(), "conv/w")).position());
  }

  @Test
  void readOfABufferReadsFromItsPosition() throws Exception {
    byte[] bytes = TestModels.kitchenSinkBytes();
    ByteBuffer padded = ByteBuffer.allocate(bytes.length + 5);
    padded.position(5);
    padded.put(bytes);
    padded.position(5);
    assertEquals(TestModels.kitchenSink(), TfliteFile.read(padded));
    assertEquals(5, padded.position());
  }

  @Test
  void hasIdentifierLooksAtEightBytes() throws Exception {
    Path good = dir.resolve("good.tflite");
    Files.write(good, TestModels.kitchenSinkBytes());
    Path bad = dir.resolve("bad.tflite");
    Files.write(bad, new byte[] {1, 2, 3, 4, 'T', 'F', 'L', '2'});
    Path shortFile = dir.resolve("short.tflite");
    Files.write(shortFile, new byte[] {1, 2, 3});
    assertTrue(TfliteFile.hasIdentifier(good));
    assertFalse(TfliteFile.hasIdentifier(bad));
    assertFalse(TfliteFile.hasIdentifier(shortFile));
    assertFalse(TfliteFile.hasIdentifier(dir.resolve("missing.tflite")));
    assertFalse(TfliteFile.hasIdentifier(dir));
  }

  @Test
  void messagesNameTheFile() throws Exception {
    Path empty = dir.resolve("empty.tflite");
    Files.write(empty, new byte[0]);
    MalformedModelException e =
        assertThrows(MalformedModelException.class, () -> TfliteFile.open(empty));
    assertEquals(
        empty
            + ": expected a .tflite file of at least 8 bytes (root offset and file identifier),"
            + " found 0 bytes",
        e.getMessage());
    ModelException missing =
        assertThrows(ModelException.class, () -> TfliteFile.open(dir.resolve("missing.tflite")));
    assertTrue(missing.getMessage().startsWith("cannot read " + dir.resolve("missing.tflite")));
  }

  @Test
  void refusesFilesOf2GbOrMore() throws Exception {
    Path huge = dir.resolve("huge.tflite");
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(1L << 31); // sparse: takes no disk space
    }
    UnsupportedModelException e =
        assertThrows(UnsupportedModelException.class, () -> TfliteFile.open(huge));
    assertEquals(
        huge + " cannot be read: a file of 2,147,483,648 bytes (2 GB or more)", e.getMessage());
  }

  @Test
  void refusesInt16AndStringTensorsListingEveryOne() throws Exception {
    byte[] bytes = TestModels.kitchenSinkBytes();
    ByteBuffer bb = TestModels.le(bytes);
    FlatTable g = FlatTable.root(bb).element(Schema.Model.SUBGRAPHS, 0);
    // Tensor 18 is the int8 "q", tensor 11 the int8 "fc/w" (both have a type byte to patch).
    LiteSubgraph sink = TestModels.kitchenSink().mainSubgraph();
    int q = sink.tensors().indexOf(RoundTripTest.tensorNamed(sink, "q"));
    int w = sink.tensors().indexOf(RoundTripTest.tensorNamed(sink, "fc/w"));
    bb.put(typeAt(bb, g, q), (byte) 11);
    bb.put(typeAt(bb, g, w), (byte) 5);
    UnsupportedModelException e =
        assertThrows(UnsupportedModelException.class, () -> TfliteFile.read(bytes));
    assertEquals(
        List.of(
            "STRING tensors (variable-length strings are not supported): tensor 'fc/w'"
                + " (subgraphs[0].tensors["
                + w
                + "])",
            "COMPLEX128 tensors: tensor 'q' (subgraphs[0].tensors[" + q + "])"),
        e.unsupported());
    assertTrue(
        e.getMessage().startsWith("the model uses what edgeinfer's lite engine cannot read: "));
  }

  @Test
  void refusesAnUnknownTensorTypeAsMalformed() throws Exception {
    byte[] bytes = TestModels.kitchenSinkBytes();
    ByteBuffer bb = TestModels.le(bytes);
    FlatTable g = FlatTable.root(bb).element(Schema.Model.SUBGRAPHS, 0);
    LiteSubgraph sink = TestModels.kitchenSink().mainSubgraph();
    int q = sink.tensors().indexOf(RoundTripTest.tensorNamed(sink, "q"));
    bb.put(typeAt(bb, g, q), (byte) 42);
    MalformedModelException e =
        assertThrows(MalformedModelException.class, () -> TfliteFile.read(bytes));
    assertEquals(
        "subgraphs[0].tensors[" + q + "] 'q': expected a tensor type 0 to 18, found 42",
        e.getMessage());
  }

  @Test
  void refusesAnotherSchemaVersion() throws Exception {
    byte[] bytes = TestModels.kitchenSinkBytes();
    ByteBuffer bb = TestModels.le(bytes);
    int at = TestModels.fieldPosition(bb, FlatTable.root(bb).position(), Schema.Model.VERSION);
    bb.putInt(at, 2);
    UnsupportedModelException e =
        assertThrows(UnsupportedModelException.class, () -> TfliteFile.read(bytes));
    assertTrue(e.unsupported().get(0).startsWith("schema version 2 (edgeinfer reads version 3"));
  }

  @Test
  void brokenReferencesAreMalformedWithThePlace() throws Exception {
    byte[] bytes = TestModels.kitchenSinkBytes();
    ByteBuffer bb = TestModels.le(bytes);
    FlatTable op =
        FlatTable.root(bb).element(Schema.Model.SUBGRAPHS, 0).element(Schema.SubGraph.OPERATORS, 1);
    int at = TestModels.fieldPosition(bb, op.position(), Schema.Operator.OPCODE_INDEX);
    bb.putInt(at, 99);
    MalformedModelException e =
        assertThrows(MalformedModelException.class, () -> TfliteFile.read(bytes.clone()));
    assertEquals(
        "subgraphs[0].operators[1]: expected an operator code index below 21, found 99",
        e.getMessage());
    bb.putInt(at, 1);

    int inputs = op.vectorStart(Schema.Operator.INPUTS);
    bb.putInt(inputs, 1000);
    e = assertThrows(MalformedModelException.class, () -> TfliteFile.read(bytes.clone()));
    assertTrue(
        e.getMessage()
            .startsWith("subgraphs[0]: operators[1].inputs[0]: expected a tensor index in [0, "),
        e.getMessage());
    bb.putInt(inputs, 0);

    FlatTable depthwise = op.table(Schema.Operator.BUILTIN_OPTIONS);
    OptionsTable<?> table = OptionsTables.byMember(Schema.Options.DEPTHWISE_CONV_2D).orElseThrow();
    int activation =
        TestModels.fieldPosition(bb, depthwise.position(), table.id("fused_activation_function"));
    bb.put(activation, (byte) 9);
    e = assertThrows(MalformedModelException.class, () -> TfliteFile.read(bytes.clone()));
    assertEquals(
        "subgraphs[0].operators[1]: expected a fused activation 0 to 5, found 9", e.getMessage());
    bb.put(activation, (byte) 1);
    int stride = TestModels.fieldPosition(bb, depthwise.position(), table.id("stride_w"));
    bb.putInt(stride, 0);
    e = assertThrows(MalformedModelException.class, () -> TfliteFile.read(bytes.clone()));
    assertEquals("subgraphs[0].operators[1]: expected stride_w >= 1, found 0", e.getMessage());
  }

  @Test
  void aConstantOfTheWrongSizeIsMalformed() throws Exception {
    byte[] bytes = TestModels.kitchenSinkBytes();
    ByteBuffer bb = TestModels.le(bytes);
    FlatTable tensor =
        FlatTable.root(bb).element(Schema.Model.SUBGRAPHS, 0).element(Schema.SubGraph.TENSORS, 2);
    // conv/b is [4] float32 = 16 bytes; claim [5].
    bb.putInt(tensor.vectorStart(Schema.Tensor.SHAPE), 5);
    MalformedModelException e =
        assertThrows(MalformedModelException.class, () -> TfliteFile.read(bytes));
    assertEquals(
        "subgraphs[0].tensors[2] 'conv/b' float32 [5]: expected 20 bytes of data for float32 [5],"
            + " found 16 in buffer 2",
        e.getMessage());
  }

  private static int typeAt(ByteBuffer bb, FlatTable subgraph, int tensor) {
    FlatTable t = subgraph.element(Schema.SubGraph.TENSORS, tensor);
    return TestModels.fieldPosition(bb, t.position(), Schema.Tensor.TYPE);
  }
}
