package io.edgeinfer.mqtt.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class OutboxLockTest {
  @TempDir Path dir;

  @Test
  void aSecondOpenInThisJvmIsRefusedAndTheFirstKeepsItsLock() throws Exception {
    try (Outbox first = Outbox.open(dir, 10, 1 << 20)) {
      IOException e = assertThrows(IOException.class, () -> Outbox.open(dir, 10, 1 << 20));
      assertEquals(
          "outbox "
              + first.directory()
              + ": another edgeinfer holds it (in this process); only one process may use an"
              + " outbox folder (lock file "
              + first.directory().resolve("lock")
              + ")",
          e.getMessage());
      // The same folder spelled differently is the same folder.
      Path other = dir.resolve("..").resolve(dir.getFileName());
      assertThrows(IOException.class, () -> Outbox.open(other, 10, 1 << 20));

      // The refusals must not have cost the first outbox its OS lock (POSIX drops a process's
      // lock when any channel on the file closes), so another process is still kept out.
      assertTrue(probe().startsWith("refused: "), "another process after in-JVM refusals");
      first.append(Messages.text("still", "works"));
      assertEquals(1, first.size());
    }
    try (Outbox again = Outbox.open(dir, 10, 1 << 20)) {
      assertEquals(1, again.size(), "close released the lock");
    }
  }

  @Test
  @Timeout(60)
  void anotherProcessIsRefusedWhileWeHoldTheFolder() throws Exception {
    try (Outbox outbox = Outbox.open(dir, 10, 1 << 20)) {
      outbox.append(Messages.text("held", "x"));
      String answer = probe();
      assertEquals(
          "refused: outbox "
              + outbox.directory()
              + ": another edgeinfer holds it (process "
              + ProcessHandle.current().pid()
              + "); only one process may use an outbox folder (lock file "
              + outbox.directory().resolve("lock")
              + ")",
          answer);
    }
    assertEquals("opened 1", probe(), "once we closed, the other process gets in");
  }

  private String probe() throws Exception {
    return ChildJvm.run(LockProbeMain.class, dir.toString()).trim();
  }
}
