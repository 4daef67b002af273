package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * F5 and F4: a reply the broker refuses is kept once in the dead-letter folder with the reason,
 * counted, and never blocks the replies behind it.
 */
class RefusedRepliesTest {
  @TempDir Path dir;

  @Test
  void repliesAnAclRefusesAreDeadLetteredNotCountedAsDelivered() throws Exception {
    Path acl = dir.resolve("acl");
    Files.writeString(acl, "topic deny +/+/replies/denied\ntopic readwrite #\n");
    Path outbox = dir.resolve("outbox");
    try (ServedSum served = new ServedSum(dir, "acl_file " + acl + "\n", outbox)) {
      int refused = 20;
      for (int i = 0; i < refused; i++) {
        served.client.publish(
            served.prefix + "/in/a",
            ("{\"id\": \"" + i + "\", \"instances\": [[1, 2, 3]]}")
                .getBytes(StandardCharsets.UTF_8),
            responseTopic(served.prefix + "/replies/denied"));
      }
      served.client.publish(
          served.prefix + "/in/a",
          "{\"id\": \"ok\", \"instances\": [[1, 1, 1]]}".getBytes(StandardCharsets.UTF_8),
          responseTopic(served.prefix + "/replies/allowed"));
      TestClient.Received allowed = served.next(served.prefix + "/replies/allowed");
      assertTrue(allowed.payload().contains("\"id\":\"ok\""), allowed.payload());

      Path deadLetters = outbox.resolve("dead-letter");
      List<String> files = waitForFiles(deadLetters, refused);
      assertEquals(refused, files.size(), files.toString());
      String first = Files.readString(deadLetters.resolve(files.get(0)));
      assertTrue(
          first.contains(
              "\"reason\" : \"the broker refused the publish with reason code 0x87 (not"
                  + " authorized)\""),
          first);
      assertTrue(first.contains("\"topic\" : \"" + served.prefix + "/replies/denied\""), first);
      assertTrue(first.contains("\\\"sum\\\":6.0"), first);
      assertEquals(refused, served.metrics.snapshot().deadLettered());
      assertEquals(
          "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(deadLetters)));
      assertEquals(
          "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(outbox)));
    }
  }

  /**
   * A reply too large for the broker (over its max_packet_size, though the request fit) makes it
   * drop the publisher's connection; the reply goes to the outbox, and once its publish has ended
   * the connection three times it is dead-lettered: the outbox is not blocked for good.
   */
  @Test
  void aReplyThatEndsTheConnectionEveryTimeIsDeadLetteredAndTheOutboxMovesOn() throws Exception {
    Path outbox = dir.resolve("outbox");
    try (ServedSum served = new ServedSum(dir, "max_packet_size 2200\n", outbox)) {
      String longTopic = served.prefix + "/replies/" + "x".repeat(1900);
      served.client.publish(
          served.prefix + "/in/a",
          "{\"id\": \"big\", \"instances\": [[1, 2, 3]]}".getBytes(StandardCharsets.UTF_8),
          responseTopic(longTopic));
      served.client.publish(
          served.prefix + "/in/a",
          "{\"id\": \"after\", \"instances\": [[1, 1, 1]]}".getBytes(StandardCharsets.UTF_8),
          responseTopic(served.prefix + "/replies/allowed"));
      TestClient.Received after = served.next(served.prefix + "/replies/allowed");
      assertTrue(after.payload().contains("\"id\":\"after\""), after.payload());
      List<String> files = waitForFiles(outbox.resolve("dead-letter"), 1);
      assertEquals(1, files.size());
      String letter = Files.readString(outbox.resolve("dead-letter").resolve(files.get(0)));
      assertTrue(letter.contains("\\\"id\\\":\\\"big\\\""), letter);
      // The letter is written before the entry leaves the outbox (a crash between keeps it).
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (served.metrics.snapshot().outboxDepth() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(0, served.metrics.snapshot().outboxDepth());
    }
  }

  private static MqttProperties responseTopic(String topic) {
    MqttProperties properties = new MqttProperties();
    properties.setResponseTopic(topic);
    return properties;
  }

  static List<String> waitForFiles(Path folder, int count) throws Exception {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (true) {
      List<String> names;
      try (Stream<Path> files = Files.list(folder)) {
        names =
            files
                .map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".json"))
                .sorted()
                .toList();
      }
      if (names.size() >= count || System.nanoTime() > deadline) {
        return names;
      }
      Thread.sleep(50);
    }
  }
}
