package io.edgeinfer.mqtt.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class OutboxConcurrencyTest {
  private static final int THREADS = 4;
  private static final int PER_THREAD = 500;

  @TempDir Path dir;

  @Test
  @Timeout(120)
  void fourThreadsAppendTwoThousandMessagesAllRecoveredOnce() throws Exception {
    Map<Long, String> returned = new HashMap<>();
    try (Outbox outbox = Outbox.open(dir, THREADS * PER_THREAD, 64 << 20)) {
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int thread = t;
          Callable<List<Long>> writer =
              () -> {
                start.await();
                List<Long> sequences = new ArrayList<>();
                for (int i = 0; i < PER_THREAD; i++) {
                  sequences.add(outbox.append(Messages.text("c/" + thread, thread + ":" + i)));
                }
                return sequences;
              };
          results.add(pool.submit(writer));
        }
        start.countDown();
        for (int t = 0; t < THREADS; t++) {
          List<Long> sequences = results.get(t).get();
          for (int i = 0; i < PER_THREAD; i++) {
            if (i > 0) {
              assertTrue(sequences.get(i) > sequences.get(i - 1), "one thread's order");
            }
            assertEquals(null, returned.put(sequences.get(i), t + ":" + i), "sequence reused");
          }
        }
      } finally {
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
      }
      assertEquals(THREADS * PER_THREAD, outbox.size());
    }

    try (Outbox outbox = Outbox.open(dir, THREADS * PER_THREAD, 64 << 20)) {
      List<OutboxEntry> back = outbox.pending(Integer.MAX_VALUE);
      assertEquals(THREADS * PER_THREAD, back.size());
      Map<Long, String> recovered = new HashMap<>();
      HashSet<String> payloads = new HashSet<>();
      long previous = Long.MIN_VALUE;
      for (OutboxEntry e : back) {
        assertTrue(e.sequence() > previous, "oldest first");
        previous = e.sequence();
        recovered.put(e.sequence(), Messages.payload(e));
        assertTrue(payloads.add(Messages.payload(e)), "exactly once: " + Messages.payload(e));
        String thread = Messages.payload(e).split(":")[0];
        assertEquals("c/" + thread, e.message().topic());
      }
      assertEquals(returned, recovered);
    }
  }
}
