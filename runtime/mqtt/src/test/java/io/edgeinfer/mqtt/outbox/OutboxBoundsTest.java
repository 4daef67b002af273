package io.edgeinfer.mqtt.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxBoundsTest {
  @TempDir Path dir;

  @Test
  void maxMessagesRefusesTheNextAppend() throws IOException {
    try (Outbox outbox = Outbox.open(dir, 3, 1 << 20)) {
      long first = outbox.append(Messages.small(0));
      outbox.append(Messages.small(1));
      outbox.append(Messages.small(2));
      OutboxFullException e =
          assertThrows(OutboxFullException.class, () -> outbox.append(Messages.small(3)));
      assertEquals(
          "outbox full: 3 messages, 717 bytes in " + dir + " (limits 3 messages, 1 MB)",
          e.getMessage());
      assertEquals(3, e.messages());
      assertEquals(717, e.bytes());
      assertEquals(3, outbox.size());
      assertEquals(3, messageFiles(), "nothing written for the refused message");

      outbox.remove(first);
      outbox.append(Messages.small(3));
      assertEquals(3, outbox.size());
    }
  }

  @Test
  void maxBytesRefusesAnAppendThatWouldGoBeyond() throws IOException {
    try (Outbox outbox = Outbox.open(dir, 100, 600)) {
      outbox.append(Messages.small(0));
      outbox.append(Messages.small(1));
      assertEquals(478, outbox.bytes());
      OutboxFullException e =
          assertThrows(OutboxFullException.class, () -> outbox.append(Messages.small(2)));
      assertEquals(
          "outbox full: 2 messages, 478 bytes in " + dir + " (limits 100 messages, 600 bytes)",
          e.getMessage());
      assertEquals(478, outbox.bytes());
      assertEquals(2, messageFiles());
    }
  }

  @Test
  void aMessageLargerThanTheWholeOutboxSaysSo() throws IOException {
    try (Outbox outbox = Outbox.open(dir, 100, 200)) {
      OutboxFullException e =
          assertThrows(OutboxFullException.class, () -> outbox.append(Messages.small(0)));
      assertEquals(
          "message too large for the outbox: it takes 239 bytes on disk, the limit of "
              + dir
              + " is 200 bytes",
          e.getMessage());
    }
  }

  @Test
  void recoveredMessagesStayEvenAboveLowerLimits() throws IOException {
    try (Outbox outbox = Outbox.open(dir, 10, 1 << 20)) {
      for (int i = 0; i < 5; i++) {
        outbox.append(Messages.small(i));
      }
    }
    try (Outbox outbox = Outbox.open(dir, 2, 1 << 20)) {
      assertEquals(5, outbox.size());
      OutboxFullException e =
          assertThrows(OutboxFullException.class, () -> outbox.append(Messages.small(5)));
      assertEquals(
          "outbox full: 5 messages, 1.2 KB in " + dir + " (limits 2 messages, 1 MB)",
          e.getMessage());
    }
  }

  @Test
  void theMessageReadsLikeTheExample() {
    OutboxFullException e =
        new OutboxFullException(
            1000, 12_897_485L, Path.of("/var/lib/edgeinfer/outbox"), 1000, 64L << 20);
    assertEquals(
        "outbox full: 1000 messages, 12.3 MB in /var/lib/edgeinfer/outbox"
            + " (limits 1000 messages, 64 MB)",
        e.getMessage());
    assertEquals("1023 bytes", OutboxFullException.humanSize(1023));
    assertEquals("1 KB", OutboxFullException.humanSize(1024));
    assertEquals("1.5 KB", OutboxFullException.humanSize(1536));
    assertEquals("2 GB", OutboxFullException.humanSize(2L << 30));
  }

  @Test
  void limitsMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> Outbox.open(dir, 0, 1));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Outbox.open(dir, 1, 0));
    assertEquals("expected maxBytes >= 1, found 0", e.getMessage());
  }

  private long messageFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".msg")).count();
    }
  }
}
