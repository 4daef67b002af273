package io.edgeinfer.mqtt.outbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxRecoveryTest {
  @TempDir Path dir;

  @Test
  void orderAndSequencesContinueAcrossReopens() throws IOException {
    List<Long> sequences = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      try (Outbox outbox = Outbox.open(dir, 100, 1 << 20)) {
        for (int i = 0; i < 4; i++) {
          sequences.add(outbox.append(Messages.text("order", round + "." + i)));
        }
      }
    }
    for (int i = 1; i < sequences.size(); i++) {
      assertTrue(sequences.get(i) > sequences.get(i - 1), "monotonic: " + sequences);
    }
    try (Outbox outbox = Outbox.open(dir, 100, 1 << 20)) {
      List<OutboxEntry> back = outbox.pending(100);
      assertEquals(sequences, back.stream().map(OutboxEntry::sequence).toList());
      assertEquals("0.0", Messages.payload(back.get(0)));
      assertEquals("2.3", Messages.payload(back.get(11)));
    }
  }

  @Test
  void sequencesKeepGrowingAfterTheOutboxWasDrained() throws IOException {
    long last;
    try (Outbox outbox = Outbox.open(dir, 100, 1 << 20)) {
      for (int i = 0; i < 3; i++) {
        outbox.append(Messages.text("drain", "x"));
      }
      last = outbox.pending(10).get(2).sequence();
      for (OutboxEntry e : outbox.pending(10)) {
        outbox.remove(e.sequence());
      }
      assertEquals(0, outbox.size());
      assertEquals(0, outbox.bytes());
    }
    assertEquals(0, count(".msg"), "no message file left to remember the sequence");
    try (Outbox outbox = Outbox.open(dir, 100, 1 << 20)) {
      long next = outbox.append(Messages.text("drain", "y"));
      assertTrue(next > last, next + " after " + last);
    }
  }

  @Test
  void crashLeftoversAreDeleted() throws IOException {
    long first;
    long third;
    try (Outbox outbox = Outbox.open(dir, 100, 1 << 20)) {
      first = outbox.append(Messages.text("crash", "one"));
      outbox.append(Messages.text("crash", "two"));
      third = outbox.append(Messages.text("crash", "three"));
    }
    // What a crash can leave: a message file cut short, an empty one, a temp file mid-write.
    Path cut = file(third);
    byte[] whole = Files.readAllBytes(cut);
    Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
    Path empty = file(third + 1);
    Files.write(empty, new byte[0]);
    Path temp = dir.resolve(file(third + 2).getFileName() + ".tmp");
    Files.write(temp, Arrays.copyOf(whole, 10));
    Path sequenceTemp = dir.resolve("sequence.tmp");
    Files.write(sequenceTemp, new byte[] {1, 2, 3});
    Path foreign = dir.resolve("README.txt");
    Files.writeString(foreign, "not ours");

    try (Outbox outbox = Outbox.open(dir, 100, 1 << 20)) {
      assertEquals(2, outbox.size());
      assertEquals(0, outbox.corruptCount(), "crash leftovers are not corruption");
      List<OutboxEntry> back = outbox.pending(10);
      assertEquals(List.of("one", "two"), back.stream().map(Messages::payload).toList());
      assertEquals(first, back.get(0).sequence());
      assertFalse(Files.exists(cut));
      assertFalse(Files.exists(empty));
      assertFalse(Files.exists(temp));
      assertFalse(Files.exists(sequenceTemp));
      assertFalse(Files.exists(dir.resolve("corrupt")));
      assertTrue(Files.exists(foreign), "files that are not ours are left alone");
      long next = outbox.append(Messages.text("crash", "four"));
      assertTrue(next > third + 2, "above every sequence named on disk, found " + next);
    }
  }

  @Test
  void aFlippedByteIsCaughtByTheCrcAndMovedAside() throws IOException {
    long second;
    long goodBytes;
    try (Outbox outbox = Outbox.open(dir, 100, 1 << 20)) {
      long first = outbox.append(Messages.text("flip", "one"));
      second = outbox.append(Messages.text("flip", "two"));
      long third = outbox.append(Messages.text("flip", "three"));
      goodBytes = Files.size(file(first)) + Files.size(file(third));
    }
    byte[] damaged = flipLastByte(file(second)); // inside the payload "two"

    try (Outbox outbox = Outbox.open(dir, 100, 1 << 20)) {
      assertEquals(1, outbox.corruptCount());
      assertEquals(2, outbox.size());
      assertEquals(goodBytes, outbox.bytes());
      assertEquals(
          List.of("one", "three"), outbox.pending(10).stream().map(Messages::payload).toList());
      Path aside = dir.resolve("corrupt").resolve(file(second).getFileName());
      assertArrayEquals(damaged, Files.readAllBytes(aside), "kept as found");
      assertFalse(Files.exists(file(second)));
    }
    try (Outbox outbox = Outbox.open(dir, 100, 1 << 20)) {
      assertEquals(0, outbox.corruptCount(), "counts what this open moved");
      assertEquals(2, outbox.size());
    }
  }

  @Test
  void damageWhileOpenIsCaughtWhenPendingReadsTheFile() throws IOException {
    try (Outbox outbox = Outbox.open(dir, 100, 1 << 20)) {
      outbox.append(Messages.text("late", "one"));
      long second = outbox.append(Messages.text("late", "two"));
      flipLastByte(file(second));
      assertEquals(List.of("one"), outbox.pending(10).stream().map(Messages::payload).toList());
      assertEquals(1, outbox.corruptCount());
      assertEquals(1, outbox.size());
      assertTrue(Files.exists(dir.resolve("corrupt").resolve(file(second).getFileName())));
    }
  }

  @Test
  void aDamagedSequenceFileFallsBackToTheMessageFiles() throws IOException {
    long last;
    try (Outbox outbox = Outbox.open(dir, 100, 1 << 20)) {
      outbox.append(Messages.text("seq", "a"));
      last = outbox.append(Messages.text("seq", "b"));
    }
    Files.writeString(dir.resolve("sequence"), "garbage", StandardCharsets.US_ASCII);
    try (Outbox outbox = Outbox.open(dir, 100, 1 << 20)) {
      assertEquals(2, outbox.size());
      assertTrue(outbox.append(Messages.text("seq", "c")) > last);
    }
  }

  private Path file(long sequence) {
    return dir.resolve(String.format("%019d.msg", sequence));
  }

  private static byte[] flipLastByte(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 0x01;
    Files.write(file, bytes);
    return bytes;
  }

  private long count(String suffix) throws IOException {
    try (var files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(suffix)).count();
    }
  }
}
