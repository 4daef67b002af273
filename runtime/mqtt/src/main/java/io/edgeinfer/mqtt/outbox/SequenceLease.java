package io.edgeinfer.mqtt.outbox;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Gives out sequence numbers that keep growing across restarts, even after every message was
 * delivered and its file deleted. The file "sequence" records the highest number that may have been
 * given out; it is written once per {@link #BLOCK} numbers, not per append, so a restart skips the
 * unused rest of a block.
 */
final class SequenceLease {
  static final int MAGIC = 0x45495351; // "EISQ": edgeinfer sequence
  static final long BLOCK = 1024;
  private static final System.Logger LOG = System.getLogger(SequenceLease.class.getName());

  private final DurableDirectory dir;
  private long next;
  private long leasedThrough;

  private SequenceLease(DurableDirectory dir, long next) {
    this.dir = dir;
    this.next = next;
    this.leasedThrough = next - 1;
  }

  /** Starts above both the recorded lease and the highest sequence found in file names. */
  static SequenceLease load(DurableDirectory dir, Path folder, long highestSeen)
      throws IOException {
    long recorded = 0;
    try {
      ByteBuffer body = Frame.open(Files.readAllBytes(folder.resolve(FileNames.SEQUENCE)), MAGIC);
      recorded = body.getLong();
    } catch (NoSuchFileException e) {
      // a new outbox
    } catch (BadFileException | BufferUnderflowException e) {
      // The message files still bound the sequence from below; numbers of messages already
      // delivered and deleted may come again, which only matters to someone comparing old logs.
      LOG.log(
          Level.WARNING, "ignoring a damaged sequence file in {0}: {1}", folder, e.getMessage());
    }
    return new SequenceLease(dir, Math.max(recorded, highestSeen) + 1);
  }

  /** The next number; not thread-safe, the caller serializes. */
  long take() throws IOException {
    if (next > leasedThrough) {
      long through = next + BLOCK - 1;
      ByteBuffer file = Frame.allocate(MAGIC, 8).putLong(through);
      Frame.seal(file.array());
      dir.writeAtomically(FileNames.SEQUENCE, file.array());
      leasedThrough = through;
    }
    return next++;
  }
}
