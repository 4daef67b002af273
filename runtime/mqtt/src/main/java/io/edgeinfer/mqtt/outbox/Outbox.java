package io.edgeinfer.mqtt.outbox;

import io.edgeinfer.mqtt.publish.Publish;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Publishes kept on disk while the broker is away, delivered after reconnect. Survives {@code kill
 * -9} and power loss: what {@link #append} returned for is on disk. Bounded by a number of messages
 * and a number of bytes (the files' sizes on disk). Thread-safe.
 *
 * <p>Use: {@code append} when a publish cannot go out; after reconnect, publish {@code pending(n)}
 * in order and {@code remove} each once the broker acknowledged it. A crash between publish and
 * remove sends the message again (QoS 1 semantics: at least once).
 */
public final class Outbox implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Outbox.class.getName());

  private final Path dir;
  private final int maxMessages;
  private final long maxBytes;
  private final DirectoryLock lock;
  private final DurableDirectory durable;

  // File I/O runs under the read lock, many threads at once; close takes the write lock so it
  // waits for appends in flight instead of pulling the folder from under them.
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed; // written under the write lock

  // Guards everything below; held only for bookkeeping, never across an fsync (except the rare
  // sequence lease renewal).
  private final Object state = new Object();
  private final SequenceLease sequences;
  private final TreeMap<Long, Long> index; // sequence -> file size, committed files only
  private long bytes;
  private int reservedMessages; // appends between their bounds check and their rename
  private long reservedBytes;
  private int corrupt;

  private Outbox(
      Path dir,
      int maxMessages,
      long maxBytes,
      DirectoryLock lock,
      DurableDirectory durable,
      SequenceLease sequences,
      Recovery.Result recovered) {
    this.dir = dir;
    this.maxMessages = maxMessages;
    this.maxBytes = maxBytes;
    this.lock = lock;
    this.durable = durable;
    this.sequences = sequences;
    this.index = recovered.index();
    this.bytes = index.values().stream().mapToLong(Long::longValue).sum();
    this.corrupt = recovered.corrupt();
  }

  /**
   * Opens (creating the folder if needed) and recovers what an earlier process left, oldest first.
   * A half-written file from a crash is deleted; a corrupt complete one is moved aside to
   * DIR/corrupt/ and reported via {@link #corruptCount()}. Only one process may hold a folder: a
   * second open, from this process or another, fails with an IOException that names the folder.
   *
   * <p>What was recovered is kept even if it exceeds lower limits than the earlier process had;
   * appends are then refused until deliveries make room.
   */
  public static Outbox open(Path dir, int maxMessages, long maxBytes) throws IOException {
    Objects.requireNonNull(dir, "dir");
    if (maxMessages < 1) {
      throw new IllegalArgumentException("expected maxMessages >= 1, found " + maxMessages);
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("expected maxBytes >= 1, found " + maxBytes);
    }
    Path folder = dir.toAbsolutePath().normalize();
    PrivateFolders.create(folder);
    DirectoryLock lock = DirectoryLock.acquire(folder);
    DurableDirectory durable = null;
    try {
      durable = DurableDirectory.open(folder);
      Recovery.Result recovered = Recovery.run(folder, durable);
      SequenceLease sequences = SequenceLease.load(durable, folder, recovered.highestSequence());
      return new Outbox(folder, maxMessages, maxBytes, lock, durable, sequences, recovered);
    } catch (IOException | RuntimeException e) {
      try {
        if (durable != null) {
          durable.close();
        }
        lock.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * Stores a message durably (temp file, fsync, atomic rename, fsync of the folder) and returns its
   * sequence number, which grows across restarts.
   *
   * @throws OutboxFullException if the message would take the outbox beyond maxMessages or maxBytes
   */
  public long append(Publish message) throws IOException {
    Objects.requireNonNull(message, "message");
    byte[] file = MessageCodec.encode(message); // the copying work, outside every lock
    lifecycle.readLock().lock();
    try {
      ensureOpen();
      long sequence = reserve(file.length);
      boolean stored = false;
      try {
        MessageCodec.stamp(file, sequence);
        durable.writeAtomically(FileNames.message(sequence), file);
        stored = true;
      } finally {
        if (!stored) {
          deleteQuietly(sequence); // append failed, so the message must not come back later
        }
        commit(sequence, file.length, stored);
      }
      return sequence;
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /** Up to max entries, oldest first, without removing them. */
  public List<OutboxEntry> pending(int max) throws IOException {
    if (max < 0) {
      throw new IllegalArgumentException("expected max >= 0, found " + max);
    }
    List<OutboxEntry> entries = new ArrayList<>(Math.min(max, 1024));
    lifecycle.readLock().lock();
    try {
      ensureOpen();
      long after = Long.MIN_VALUE;
      while (entries.size() < max) {
        List<Long> next = next(after, max - entries.size());
        if (next.isEmpty()) {
          break;
        }
        for (long sequence : next) {
          after = sequence;
          OutboxEntry entry = read(sequence);
          if (entry != null) {
            entries.add(entry);
          }
        }
      }
      return entries;
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /** Deletes an entry once it is delivered; unknown sequences are ignored. */
  public void remove(long sequence) throws IOException {
    lifecycle.readLock().lock();
    try {
      ensureOpen();
      synchronized (state) {
        if (!index.containsKey(sequence)) {
          return;
        }
      }
      // No fsync of the folder: if a crash undoes the delete, the message is sent once more,
      // which QoS 1 allows; an fsync here would halve the drain rate.
      Files.deleteIfExists(dir.resolve(FileNames.message(sequence)));
      forget(sequence);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /** Messages stored. */
  public int size() {
    synchronized (state) {
      return index.size();
    }
  }

  /** Bytes the stored messages take on disk (their files' sizes). */
  public long bytes() {
    synchronized (state) {
      return bytes;
    }
  }

  /** Files moved to DIR/corrupt/ since open: at recovery, or when {@link #pending} read them. */
  public int corruptCount() {
    synchronized (state) {
      return corrupt;
    }
  }

  /** The folder, absolute. */
  public Path directory() {
    return dir;
  }

  /** Waits for appends in flight, then releases the folder. Idempotent. */
  @Override
  public void close() throws IOException {
    lifecycle.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      try {
        durable.close();
      } finally {
        lock.close();
      }
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  @Override
  public String toString() {
    return "Outbox[" + dir + ", " + size() + " messages, " + bytes() + " bytes]";
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("outbox " + dir + " is closed");
    }
  }

  // Counts the message against the bounds before writing, so concurrent appends cannot overshoot.
  private long reserve(int fileBytes) throws IOException {
    synchronized (state) {
      int messages = index.size() + reservedMessages;
      long used = bytes + reservedBytes;
      if (fileBytes > maxBytes) {
        throw OutboxFullException.tooLarge(fileBytes, messages, used, dir, maxMessages, maxBytes);
      }
      if (messages + 1 > maxMessages || used + fileBytes > maxBytes) {
        throw new OutboxFullException(messages, used, dir, maxMessages, maxBytes);
      }
      long sequence = sequences.take();
      reservedMessages++;
      reservedBytes += fileBytes;
      return sequence;
    }
  }

  private void commit(long sequence, int fileBytes, boolean stored) {
    synchronized (state) {
      reservedMessages--;
      reservedBytes -= fileBytes;
      if (stored) {
        index.put(sequence, (long) fileBytes);
        bytes += fileBytes;
      }
    }
  }

  private List<Long> next(long after, int max) {
    synchronized (state) {
      List<Long> next = new ArrayList<>(Math.min(max, index.size()));
      for (long sequence : index.tailMap(after, false).keySet()) {
        if (next.size() == max) {
          break;
        }
        next.add(sequence);
      }
      return next;
    }
  }

  // Null when the entry is gone (removed meanwhile, deleted by hand) or was found corrupt.
  private OutboxEntry read(long sequence) throws IOException {
    Path file = dir.resolve(FileNames.message(sequence));
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      forget(sequence);
      return null;
    }
    try {
      return MessageCodec.decode(bytes, sequence);
    } catch (BadFileException e) {
      // The file was good at open or when written, so a bad one now is damage, not a crash.
      if (forget(sequence)) {
        LOG.log(Level.WARNING, "moving {0} to corrupt/: {1}", file, e.getMessage());
        try {
          CorruptFolder.moveAside(dir, file);
        } catch (NoSuchFileException gone) {
          // removed meanwhile
        }
        synchronized (state) {
          corrupt++;
        }
      }
      return null;
    }
  }

  // True if this call took the entry out of the index (concurrent callers: exactly one wins).
  private boolean forget(long sequence) {
    synchronized (state) {
      Long size = index.remove(sequence);
      if (size == null) {
        return false;
      }
      bytes -= size;
      return true;
    }
  }

  private void deleteQuietly(long sequence) {
    try {
      Files.deleteIfExists(dir.resolve(FileNames.message(sequence)));
    } catch (IOException e) {
      LOG.log(Level.WARNING, "could not delete " + FileNames.message(sequence), e);
    }
  }
}
