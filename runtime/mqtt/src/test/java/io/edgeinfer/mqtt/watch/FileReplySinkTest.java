package io.edgeinfer.mqtt.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.mqtt.InboundMessage;
import io.edgeinfer.mqtt.Reply;
import io.edgeinfer.mqtt.ReplyRoute;
import io.edgeinfer.mqtt.TopicNames;
import io.edgeinfer.mqtt.publish.Publish;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileReplySinkTest {
  @TempDir Path dir;

  private final AtomicInteger acknowledged = new AtomicInteger();

  /** A reply to a watched file's message. */
  private Reply reply(String name, String payload, boolean error) {
    return reply("file/" + name, new ReplyRoute.WatchedFile(dir, name), payload, error);
  }

  private Reply reply(String topic, ReplyRoute route, String payload, boolean error) {
    InboundMessage source =
        new InboundMessage(
            topic, new byte[0], null, route, 1, 0, acknowledged::incrementAndGet, null);
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    List<Publish> messages = new ArrayList<>();
    if (TopicNames.problem("out/" + topic) == null) {
      messages.add(Publish.of("out/" + topic, bytes, 1));
    }
    if (error) {
      messages.add(Publish.of("reply/here", bytes, 1));
    }
    return new Reply(source, bytes, messages, error);
  }

  private Set<String> files() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return new TreeSet<>(files.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void writesThePredictionBesideTheInputAndAcknowledges() throws Exception {
    Files.writeString(dir.resolve("a.json"), "[1]");
    new FileReplySink(null).deliver(reply("a.json", "{\"predictions\":[2]}", false));
    assertEquals("{\"predictions\":[2]}", Files.readString(dir.resolve("a.json.prediction.json")));
    assertEquals(Set.of("a.json", "a.json.prediction.json"), files());
    assertEquals(1, acknowledged.get());
  }

  @Test
  void anErrorGoesToTheErrorFileAndReplacesAStalePrediction() throws Exception {
    Files.writeString(dir.resolve("a.csv"), "x");
    Files.writeString(dir.resolve("a.csv.prediction.json"), "{\"predictions\":[0]}");
    new FileReplySink(null).deliver(reply("a.csv", "{\"error\":\"bad\"}", true));
    assertEquals("{\"error\":\"bad\"}", Files.readString(dir.resolve("a.csv.error.json")));
    assertEquals(Set.of("a.csv", "a.csv.error.json"), files());
  }

  @Test
  void passesTheReplyOnAndLeavesTheAcknowledgementToNext() throws Exception {
    Files.writeString(dir.resolve("a.json"), "[1]");
    List<Reply> passed = new ArrayList<>();
    Reply reply = reply("a.json", "{}", false);
    new FileReplySink(passed::add).deliver(reply);
    assertTrue(Files.exists(dir.resolve("a.json.prediction.json")));
    assertEquals(1, passed.size());
    assertSame(reply, passed.get(0));
    assertEquals(0, acknowledged.get());
  }

  @Test
  void mqttRoutesOnlyPassOnWhateverTheirTopicSays() throws Exception {
    Files.writeString(dir.resolve("a.json"), "[1]");
    List<Reply> passed = new ArrayList<>();
    FileReplySink sink = new FileReplySink(passed::add);
    // MQTT requests whose topics look like a watched file's: the route decides, not the topic.
    for (String topic : new String[] {"file/a.json", "file/../a.json", "sensors/a.json"}) {
      sink.deliver(reply(topic, new ReplyRoute.OutputTopic(null), "{}", false));
      sink.deliver(reply(topic, new ReplyRoute.ResponseTopic("file/a.json", null), "{}", false));
    }
    assertEquals(6, passed.size());
    assertEquals(Set.of("a.json"), files());
    new FileReplySink(null)
        .deliver(reply("file/a.json", new ReplyRoute.OutputTopic(null), "{}", false));
    assertEquals(1, acknowledged.get());
    assertEquals(Set.of("a.json"), files());
  }

  @Test
  void aFileDeletedMeanwhileGetsNoAnswerBesideIt() throws Exception {
    List<Reply> passed = new ArrayList<>();
    new FileReplySink(passed::add).deliver(reply("gone.json", "{}", false));
    assertEquals(1, passed.size());
    assertEquals(Set.of(), files());
  }

  @Test
  void aNameNoTopicLevelCouldHoldIsAnsweredBesideItsFile() throws Exception {
    // Once read back from "file/NAME", a backslash made the name no input and the answer was lost.
    for (String name : new String[] {"a\\b.json", "a#b+c.json", "x y é.csv", "line\nbreak.json"}) {
      Files.writeString(dir.resolve(name), "[1]");
      new FileReplySink(null).deliver(reply(name, "{\"predictions\":[1]}", false));
      assertEquals(
          "{\"predictions\":[1]}", Files.readString(dir.resolve(name + ".prediction.json")), name);
    }
    assertEquals(4, acknowledged.get());
  }

  @Test
  void readersSeeAWholeFileOrNone() throws Exception {
    Files.writeString(dir.resolve("a.npy"), "x");
    Path target = dir.resolve("a.npy.prediction.json");
    String[] payloads = {"a".repeat(64 * 1024), "b".repeat(64 * 1024)};
    AtomicBoolean writing = new AtomicBoolean(true);
    List<String> torn = new CopyOnWriteArrayList<>();
    AtomicInteger reads = new AtomicInteger();
    Thread reader =
        new Thread(
            () -> {
              while (writing.get()) {
                try {
                  byte[] read = Files.readAllBytes(target);
                  reads.incrementAndGet();
                  if (!Arrays.equals(read, payloads[0].getBytes(StandardCharsets.UTF_8))
                      && !Arrays.equals(read, payloads[1].getBytes(StandardCharsets.UTF_8))) {
                    torn.add(read.length + " bytes");
                  }
                } catch (NoSuchFileException e) {
                  // Not written yet.
                } catch (IOException e) {
                  torn.add(e.toString());
                }
              }
            });
    reader.start();
    FileReplySink sink = new FileReplySink(null);
    try {
      // At least 100 writes, and enough that the reader saw many of them.
      for (int i = 0; i < 100 || reads.get() < 20; i++) {
        sink.deliver(reply("a.npy", payloads[i % 2], false));
      }
    } finally {
      writing.set(false);
      reader.join();
    }
    assertEquals(List.of(), torn);
    assertEquals(Set.of("a.npy", "a.npy.prediction.json"), files());
    assertFalse(files().stream().anyMatch(name -> name.endsWith(".tmp")));
  }
}
