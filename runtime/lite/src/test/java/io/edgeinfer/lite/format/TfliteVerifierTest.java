package io.edgeinfer.lite.format;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.flatbuffers.FlatBufferBuilder;
import io.edgeinfer.core.MalformedModelException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TfliteVerifierTest {

  @Test
  void acceptsWhatTheWriterWrites() {
    assertDoesNotThrow(() -> TfliteVerifier.verify(ByteBuffer.wrap(TestModels.kitchenSinkBytes())));
  }

  @Test
  void acceptsTheConvertersFiles() throws Exception {
    for (String name :
        new String[] {
          "hello_world_float.tflite", "hello_world_int8.tflite", "simple_add_model.tflite"
        }) {
      byte[] bytes = Files.readAllBytes(TestModels.shared(name));
      assertDoesNotThrow(() -> TfliteVerifier.verify(ByteBuffer.wrap(bytes)), name);
    }
  }

  @Test
  void leavesTheCallersBufferWhereItWas() throws Exception {
    byte[] bytes = TestModels.kitchenSinkBytes();
    byte[] padded = new byte[bytes.length + 3];
    System.arraycopy(bytes, 0, padded, 3, bytes.length);
    ByteBuffer bb = ByteBuffer.wrap(padded);
    bb.position(3);
    TfliteVerifier.verify(bb);
    assertEquals(3, bb.position());
  }

  @Test
  void refusesAFileTooShortToHoldTheHeader() {
    MalformedModelException e =
        assertThrows(
            MalformedModelException.class, () -> TfliteVerifier.verify(ByteBuffer.allocate(5)));
    assertEquals(
        "expected a .tflite file of at least 8 bytes (root offset and file identifier), found 5"
            + " bytes",
        e.getMessage());
  }

  @Test
  void refusesAnotherIdentifier() {
    byte[] bytes = TestModels.kitchenSinkBytes();
    bytes[4] = 'X';
    MalformedModelException e =
        assertThrows(
            MalformedModelException.class, () -> TfliteVerifier.verify(ByteBuffer.wrap(bytes)));
    assertEquals(
        "expected the file identifier 'TFL3' at offset 4 (a TensorFlow Lite model), found XFL3",
        e.getMessage());
    bytes[4] = 0;
    e =
        assertThrows(
            MalformedModelException.class, () -> TfliteVerifier.verify(ByteBuffer.wrap(bytes)));
    assertTrue(e.getMessage().endsWith("found bytes 00 46 4c 33"), e.getMessage());
  }

  @Test
  void namesTheVectorThatRunsPastTheEnd() throws Exception {
    byte[] bytes = TestModels.kitchenSinkBytes();
    ByteBuffer bb = TestModels.le(bytes);
    FlatTable tensor =
        FlatTable.root(bb).element(Schema.Model.SUBGRAPHS, 0).element(Schema.SubGraph.TENSORS, 3);
    int lengthAt = tensor.vectorStart(Schema.Tensor.SHAPE) - 4;
    bb.putInt(lengthAt, 1_000_000);
    MalformedModelException e =
        assertThrows(
            MalformedModelException.class, () -> TfliteVerifier.verify(ByteBuffer.wrap(bytes)));
    String size = Where.bytes(bytes.length);
    assertEquals(
        "subgraphs[0].tensors[3].shape: expected a vector of 1,000,000 int32 within the file ("
            + size
            + " bytes) at offset "
            + Where.bytes(lengthAt)
            + ", found it would end at "
            + Where.bytes(lengthAt + 4 + 4_000_000L),
        e.getMessage());
  }

  @Test
  void namesATruncatedFile() {
    byte[] bytes = TestModels.kitchenSinkBytes();
    byte[] cut = Arrays.copyOf(bytes, bytes.length / 2);
    MalformedModelException e =
        assertThrows(
            MalformedModelException.class, () -> TfliteVerifier.verify(ByteBuffer.wrap(cut)));
    assertTrue(
        e.getMessage().contains("within the file (" + Where.bytes(cut.length) + " bytes)"),
        e.getMessage());
  }

  @Test
  void namesARootOffsetOutsideTheFile() {
    byte[] bytes = TestModels.kitchenSinkBytes();
    TestModels.le(bytes).putInt(0, bytes.length + 100);
    MalformedModelException e =
        assertThrows(
            MalformedModelException.class, () -> TfliteVerifier.verify(ByteBuffer.wrap(bytes)));
    assertEquals(
        "model: expected an offset to a place within the file ("
            + Where.bytes(bytes.length)
            + " bytes) at offset 0, found one pointing to "
            + Where.bytes(bytes.length + 100),
        e.getMessage());
  }

  @Test
  void refusesStringsThatAreNotUtf8() throws Exception {
    byte[] bytes = TestModels.kitchenSinkBytes();
    ByteBuffer bb = TestModels.le(bytes);
    int start = FlatTable.root(bb).vectorStart(Schema.Model.DESCRIPTION);
    bytes[start] = (byte) 0xC3; // a lead byte followed by ASCII
    MalformedModelException e =
        assertThrows(
            MalformedModelException.class, () -> TfliteVerifier.verify(ByteBuffer.wrap(bytes)));
    assertEquals(
        "description: expected UTF-8 text in the string at offset "
            + Where.bytes(start - 4)
            + ", found bytes that are not",
        e.getMessage());
  }

  @Test
  void refusesAFileThatRefersToTheSamePartsOverAndOver() {
    // 60,000 subgraphs that are all the same one, each with 1,000 tensors that are all the same:
    // a 250 KB file that a naive reader would expand to 60 million tensors.
    FlatBufferBuilder b = new FlatBufferBuilder(1 << 20);
    int shape = Vectors.ints(b, new int[] {1, 2, 3, 4});
    b.startTable(Schema.Tensor.FIELDS);
    b.addOffset(Schema.Tensor.SHAPE, shape, 0);
    int tensor = b.endTable();
    int[] sameTensor = new int[1000];
    Arrays.fill(sameTensor, tensor);
    int tensors = b.createVectorOfTables(sameTensor);
    b.startTable(Schema.SubGraph.FIELDS);
    b.addOffset(Schema.SubGraph.TENSORS, tensors, 0);
    int subgraph = b.endTable();
    int[] sameSubgraph = new int[60_000];
    Arrays.fill(sameSubgraph, subgraph);
    int subgraphs = b.createVectorOfTables(sameSubgraph);
    b.startTable(Schema.Model.FIELDS);
    b.addInt(Schema.Model.VERSION, 3, 0);
    b.addOffset(Schema.Model.SUBGRAPHS, subgraphs, 0);
    b.finish(b.endTable(), "TFL3");
    byte[] bytes = b.sizedByteArray();
    long start = System.nanoTime();
    MalformedModelException e =
        assertThrows(
            MalformedModelException.class, () -> TfliteVerifier.verify(ByteBuffer.wrap(bytes)));
    assertTrue(e.getMessage().contains("refers to the same parts over and over"), e.getMessage());
    assertTrue(System.nanoTime() - start < 5_000_000_000L, "gave up quickly");
  }
}
