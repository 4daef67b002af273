package io.edgeinfer.mqtt.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Prints what a durable append costs on this disk; nothing is asserted about speed. */
class OutboxThroughputTest {
  private static final int MESSAGES = 2000;

  @TempDir Path dir;

  @Test
  @Timeout(300)
  void printsAppendAndDrainRates() throws Exception {
    try (Outbox outbox = Outbox.open(dir, 2 * MESSAGES + 200, 64 << 20)) {
      for (int i = 0; i < 200; i++) {
        outbox.append(Messages.small(i)); // warm-up
      }
      long start = System.nanoTime();
      for (int i = 0; i < MESSAGES; i++) {
        outbox.append(Messages.small(i));
      }
      print("append, 1 thread", MESSAGES, start);

      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          done.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < MESSAGES / 4; i++) {
                      outbox.append(Messages.small(i));
                    }
                    return null;
                  }));
        }
        for (Future<?> f : done) {
          f.get();
        }
        print("append, 4 threads", MESSAGES, start);
      } finally {
        pool.shutdown();
      }

      int total = outbox.size();
      start = System.nanoTime();
      for (OutboxEntry e : outbox.pending(total)) {
        outbox.remove(e.sequence());
      }
      print("pending + remove", total, start);
      assertEquals(0, outbox.size());
    }
  }

  private void print(String what, int messages, long startNanos) throws Exception {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "outbox %s: %,.0f messages/s (%d messages of 200 bytes, fsync, %s)%n",
        what,
        messages / seconds,
        messages,
        Files.getFileStore(dir).type());
  }
}
