package io.edgeinfer.mqtt.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Other processes that die without cleanup; this one reopens their outbox. */
class OutboxCrashTest {
  @TempDir Path dir;

  @Test
  @Timeout(120)
  void everyAppendOfAHaltedProcessIsThere() throws Exception {
    int n = 300;
    ChildJvm.run(CrashWriterMain.class, "halt", dir.toString(), String.valueOf(n));
    try (Outbox outbox = Outbox.open(dir, Integer.MAX_VALUE, Long.MAX_VALUE)) {
      List<OutboxEntry> back = outbox.pending(Integer.MAX_VALUE);
      assertEquals(n, back.size());
      for (int i = 0; i < n; i++) {
        assertEquals("m" + i, Messages.payload(back.get(i)));
      }
      assertEquals(0, outbox.corruptCount());
    }
  }

  @Test
  @Timeout(120)
  void killMinus9MidStreamLosesNothingThatAppendReturnedFor() throws Exception {
    Map<Long, String> returned = new LinkedHashMap<>();
    Process child = ChildJvm.start(CrashWriterMain.class, "forever", dir.toString());
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      while (returned.size() < 500) {
        String line = out.readLine();
        assertTrue(line != null, "the writer died early");
        String[] parts = line.split(" ");
        returned.put(Long.parseLong(parts[0]), "m" + parts[1]);
      }
      // SIGKILL, in the middle of some append. Through the handle: Process.destroyForcibly would
      // also close our end of the pipe, losing lines the child printed just before.
      child.toHandle().destroyForcibly();
      child.waitFor();
      // Lines the child printed before the kill still count: their appends had returned.
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        String[] parts = line.split(" ");
        if (parts.length == 2 && !parts[1].isEmpty()) {
          returned.put(Long.parseLong(parts[0]), "m" + parts[1]);
        }
      }
    } finally {
      child.destroyForcibly();
    }

    try (Outbox outbox = Outbox.open(dir, Integer.MAX_VALUE, Long.MAX_VALUE)) {
      Map<Long, String> recovered = new LinkedHashMap<>();
      for (OutboxEntry e : outbox.pending(Integer.MAX_VALUE)) {
        recovered.put(e.sequence(), Messages.payload(e));
      }
      for (Map.Entry<Long, String> r : returned.entrySet()) {
        assertEquals(r.getValue(), recovered.get(r.getKey()), "sequence " + r.getKey());
      }
      // At most one more: an append that finished but whose line the kill cut off.
      assertTrue(
          recovered.size() - returned.size() <= 1,
          returned.size() + " returned, " + recovered.size() + " recovered");
      assertEquals(0, outbox.corruptCount());
    }
  }
}
