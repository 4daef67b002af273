package io.edgeinfer.mqtt.outbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgeinfer.mqtt.publish.Publish;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxRoundTripTest {
  @TempDir Path dir;

  private static final List<Map.Entry<String, String>> PROPERTIES =
      List.of(
          Map.entry("z-last-name-first", "1"),
          Map.entry("a", "2"),
          Map.entry("z-last-name-first", "3"), // names may repeat; order is kept
          Map.entry("ключ", "значение ✓"),
          Map.entry("", ""));

  private static Publish everyField() {
    return new Publish(
        "sensors/温度/🌡/Zürich",
        "{\"predictions\":[[32.0]]}".getBytes(StandardCharsets.UTF_8),
        2,
        true,
        "application/json; charset=utf-8",
        "replies/élan/42",
        new byte[] {0, 1, 2, (byte) 0xff, 0},
        PROPERTIES);
  }

  private static Publish bare() {
    return new Publish("a", new byte[0], 0, false, null, null, null, List.of());
  }

  private static Publish oneMegabyte() {
    byte[] payload = new byte[1 << 20];
    new Random(42).nextBytes(payload);
    return new Publish(
        "big/one", payload, 1, false, null, null, new byte[0], List.of(Map.entry("k", "v")));
  }

  @Test
  void everyFieldSurvivesAReopen() throws IOException {
    List<Publish> sent = List.of(everyField(), bare(), oneMegabyte());
    List<Long> sequences = new ArrayList<>();
    try (Outbox outbox = Outbox.open(dir, 10, 8 << 20)) {
      for (Publish m : sent) {
        sequences.add(outbox.append(m));
      }
      assertEquals(sent, messages(outbox.pending(10)), "before the reopen");
    }
    try (Outbox outbox = Outbox.open(dir, 10, 8 << 20)) {
      List<OutboxEntry> back = outbox.pending(10);
      assertEquals(sent, messages(back));
      assertEquals(sequences, back.stream().map(OutboxEntry::sequence).toList());

      Publish full = back.get(0).message();
      assertEquals("sensors/温度/🌡/Zürich", full.topic());
      assertEquals(2, full.qos());
      assertEquals(true, full.retain());
      assertEquals("application/json; charset=utf-8", full.contentType());
      assertEquals("replies/élan/42", full.responseTopic());
      assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xff, 0}, full.correlationData());
      assertEquals(PROPERTIES, full.userProperties());

      Publish empty = back.get(1).message();
      assertEquals(0, empty.payload().length);
      assertNull(empty.contentType());
      assertNull(empty.responseTopic());
      assertNull(empty.correlationData(), "null stays null");
      assertEquals(List.of(), empty.userProperties());

      Publish big = back.get(2).message();
      assertArrayEquals(oneMegabyte().payload(), big.payload());
      assertNotNull(big.correlationData());
      assertEquals(0, big.correlationData().length, "empty stays empty, not null");
    }
  }

  @Test
  void theFileFormatIsPinned() throws IOException {
    long sequence;
    try (Outbox outbox = Outbox.open(dir, 10, 1 << 20)) {
      sequence = outbox.append(Messages.small(7));
      // header 14 + sequence 8 + qos 1 + flags 1 + topic 4+3 + property count 4 + payload 4+200
      assertEquals(239, outbox.bytes());
    }
    Path file = dir.resolve(String.format("%019d.msg", sequence));
    byte[] bytes = Files.readAllBytes(file);
    assertEquals(239, bytes.length);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    assertEquals(0x45494F42, in.getInt(), "magic EIOB");
    assertEquals(1, in.getShort(), "version");
    assertEquals(239 - 14, in.getInt(), "body length");
    in.getInt(); // CRC32
    assertEquals(sequence, in.getLong());
    assertEquals(1, in.get(), "qos");
    assertEquals(0, in.get(), "flags");
    assertEquals(3, in.getInt(), "topic length");
  }

  @Test
  void badMessagesAreRefusedBeforeAnythingIsWritten() throws IOException {
    assertThrows(IllegalArgumentException.class, () -> Messages.text("a/+/b", "x"));
    assertThrows(IllegalArgumentException.class, () -> Messages.text("a/#", "x"));
    assertThrows(IllegalArgumentException.class, () -> Messages.text("", "x"));
    IllegalArgumentException qos =
        assertThrows(IllegalArgumentException.class, () -> Publish.of("a", new byte[0], 3));
    assertEquals("expected qos 0, 1 or 2, found 3", qos.getMessage());
    try (Outbox outbox = Outbox.open(dir, 10, 1 << 20)) {
      Publish surrogate = Messages.text("a/\ud800", "x");
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> outbox.append(surrogate));
      assertEquals(
          "topic: expected well-formed text, found an unpaired surrogate in 'a/\ud800'",
          e.getMessage());
      assertEquals(0, outbox.size());
    }
  }

  @Test
  void pendingDoesNotRemoveAndRemoveIgnoresUnknownSequences() throws IOException {
    try (Outbox outbox = Outbox.open(dir, 10, 1 << 20)) {
      long first = outbox.append(Messages.text("a", "1"));
      long second = outbox.append(Messages.text("a", "2"));
      assertEquals(1, outbox.pending(1).size());
      assertEquals(2, outbox.pending(5).size());
      assertEquals(List.of(), outbox.pending(0));
      outbox.remove(first);
      outbox.remove(first);
      outbox.remove(123_456_789L);
      List<OutboxEntry> left = outbox.pending(5);
      assertEquals(1, left.size());
      assertEquals(second, left.get(0).sequence());
      assertEquals("2", Messages.payload(left.get(0)));
      assertEquals(1, outbox.size());
    }
    try (Outbox outbox = Outbox.open(dir, 10, 1 << 20)) {
      assertEquals(1, outbox.size(), "the remove was on disk");
    }
  }

  private static List<Publish> messages(List<OutboxEntry> entries) {
    return entries.stream().map(OutboxEntry::message).toList();
  }
}
