package io.edgeinfer.mqtt.watch;

import static io.edgeinfer.mqtt.watch.WatchTesting.awaitCount;
import static io.edgeinfer.mqtt.watch.WatchTesting.awaitFile;
import static io.edgeinfer.mqtt.watch.WatchTesting.next;
import static io.edgeinfer.mqtt.watch.WatchTesting.oneInput;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.NpyCodec;
import io.edgeinfer.mqtt.InboundMessage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWatcherTest {
  private static final Signature TABLE = oneInput(DataType.FLOAT32, -1, 1);
  private static final long SETTLE_MILLIS = 50;
  private static final long MAX_FILE_BYTES = 4096;

  @TempDir Path dir;

  private final BlockingQueue<InboundMessage> offered = new LinkedBlockingQueue<>();

  private FolderWatcher watcher;

  private FolderWatcher start(Signature signature, long settleMillis) throws IOException {
    watcher = FolderWatcher.start(dir, signature, offered::offer, settleMillis, MAX_FILE_BYTES);
    return watcher;
  }

  @AfterEach
  void stop() {
    if (watcher != null) {
      watcher.close();
    }
  }

  private Path write(String name, String content) throws IOException {
    return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(InboundMessage message) {
    return new String(message.payload(), StandardCharsets.UTF_8);
  }

  /** Drops a marker and checks it is the next thing offered: nothing unwanted came before it. */
  private void nothingElseBefore(String marker) throws Exception {
    write(marker, "[0]");
    assertEquals("file/" + marker, next(offered).topic());
  }

  @Test
  void aJsonFileDroppedIsOfferedWithItsContentType() throws Exception {
    start(TABLE, SETTLE_MILLIS);
    write("a.json", "{\"instances\": [1.0]}");
    InboundMessage message = next(offered);
    assertEquals("file/a.json", message.topic());
    assertEquals("application/json", message.contentType());
    assertEquals("{\"instances\": [1.0]}", text(message));
    assertNull(message.responseTopic());
    assertNull(message.correlationData());
    awaitCount(1, watcher::filesSeen);
  }

  @Test
  void csvAndNpyFilesHaveTheirContentTypes() throws Exception {
    byte[] npy = NpyCodec.write(Tensor.ofFloats(new float[] {1f, 2f}, 2, 1));
    start(TABLE, SETTLE_MILLIS);
    write("b.csv", "1.0\n2.0\n");
    Files.write(dir.resolve("c.npy"), npy);
    Map<String, InboundMessage> byTopic = new HashMap<>();
    for (int i = 0; i < 2; i++) {
      InboundMessage message = next(offered);
      byTopic.put(message.topic(), message);
    }
    assertEquals("text/csv", byTopic.get("file/b.csv").contentType());
    assertEquals("application/x-npy", byTopic.get("file/c.npy").contentType());
    assertArrayEquals(npy, byTopic.get("file/c.npy").payload());
  }

  @Test
  void aFileWrittenSlowlyIsOfferedOnceAndComplete() throws Exception {
    String first = "{\"instances\": [1.0, ";
    String rest = "2.0, 3.0]}";
    // The settle time is well above the pause in the writing, as a slow copy would pause.
    start(TABLE, 2000);
    try (OutputStream out = Files.newOutputStream(dir.resolve("slow.json"))) {
      out.write(first.getBytes(StandardCharsets.UTF_8));
      out.flush();
      Thread.sleep(300);
      out.write(rest.getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(first + rest, text(next(offered)));
    nothingElseBefore("marker.json");
    assertTrue(offered.isEmpty());
  }

  @Test
  void filesPresentBeforeStartArePickedUpUnlessAnswered() throws Exception {
    write("a.json", "[1]");
    write("b.json", "[2]");
    write("b.json.prediction.json", "{}");
    write("c.json", "[3]");
    write("c.json.error.json", "{}");
    start(TABLE, SETTLE_MILLIS);
    assertEquals("file/a.json", next(offered).topic());
    nothingElseBefore("z.json");
  }

  @Test
  void outputsHiddenAndTemporaryFilesAreNotOffered() throws Exception {
    start(TABLE, SETTLE_MILLIS);
    write("a.json", "[1]");
    assertEquals("file/a.json", next(offered).topic());
    write("a.json.prediction.json", "{\"predictions\": [1]}");
    write("a.json.error.json", "{\"error\": \"no\"}");
    write(".hidden.json", "[1]");
    write("b.json.tmp", "[1]");
    write("c.csv.part", "1");
    write("notes.txt", "not an input");
    nothingElseBefore("marker.json");
    awaitCount(2, watcher::filesSeen);
  }

  /** F7: a file over the payload limit is answered with an error, never read whole. */
  @Test
  void aFileOverTheLimitGetsAnErrorFileAndTheWatchingGoesOn() throws Exception {
    start(TABLE, SETTLE_MILLIS);
    Files.write(dir.resolve("huge.csv"), new byte[5000]);
    Path error = dir.resolve("huge.csv.error.json");
    awaitFile(error);
    assertEquals(
        "{\"error\":\"expected a file of at most 4096 bytes (--max-payload-bytes), found 5000"
            + " bytes\",\"topic\":\"file/huge.csv\"}",
        Files.readString(error).strip());
    nothingElseBefore("after.json");
  }

  @Test
  void aRefusedFileIsOfferedAgainInOrderNeverDropped() throws Exception {
    write("a.json", "[1]");
    write("b.json", "[2]");
    AtomicInteger refusals = new AtomicInteger();
    // The first three offers find the queue full.
    watcher =
        FolderWatcher.start(
            dir,
            TABLE,
            message -> refusals.getAndIncrement() >= 3 && offered.offer(message),
            SETTLE_MILLIS,
            MAX_FILE_BYTES);
    assertEquals("file/a.json", next(offered).topic());
    assertEquals("file/b.json", next(offered).topic());
    nothingElseBefore("c.json");
    awaitCount(3, watcher::filesSeen);
  }

  @Test
  void aFileChangedAfterItWasOfferedIsOfferedAgain() throws Exception {
    start(TABLE, SETTLE_MILLIS);
    write("a.json", "[1]");
    assertEquals("[1]", text(next(offered)));
    write("a.json", "[1, 2]");
    assertEquals("[1, 2]", text(next(offered)));
  }

  @Test
  void imagesGoAsTheyAreWithTheirMediaTypeAndMasksAreNotInputs() throws Exception {
    BufferedImage image = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 4, 0x336699);
    ImageIO.write(image, "png", dir.resolve("cat.png").toFile());
    ImageIO.write(image, "jpeg", dir.resolve("dog.JPG").toFile());
    ImageIO.write(image, "bmp", dir.resolve("eel.bmp").toFile());
    ImageIO.write(image, "png", dir.resolve("cat.png.mask.png").toFile());
    start(oneInput(DataType.FLOAT32, -1, 8, 8, 3), SETTLE_MILLIS);
    String[][] expected = {
      {"file/cat.png", "image/png"}, {"file/dog.JPG", "image/jpeg"}, {"file/eel.bmp", "image/bmp"}
    };
    for (String[] topicAndType : expected) {
      InboundMessage message = next(offered);
      assertEquals(topicAndType[0], message.topic());
      assertEquals(topicAndType[1], message.contentType());
      assertEquals(Files.size(dir.resolve(topicAndType[0].substring(5))), message.payload().length);
      assertEquals(topicAndType[0].substring(5), FolderInputs.fileName(message));
    }
    nothingElseBefore("marker.json");
  }
}
