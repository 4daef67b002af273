package io.edgeinfer.mqtt.watch;

import io.edgeinfer.core.Signature;
import io.edgeinfer.mqtt.InboundMessage;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches a folder and offers each new input file to the pipeline once it is complete.
 *
 * <p>Inputs are JSON, CSV, NPY and raw files (by extension, as {@code predict} reads them) and
 * JPEG, PNG and BMP images. Hidden files, names starting with a dot, {@code *.tmp}, {@code *.part}
 * and our own {@code *.prediction.json}, {@code *.error.json} and {@code *.mask.png} are skipped,
 * as is any other extension.
 *
 * <p>A file is complete when its size and modification time have not changed for the settle time;
 * only then is it read. It is offered as an {@link InboundMessage} on the topic {@code
 * file/<name>}: its bytes with the content type of its format ({@code image/jpeg} and so on for an
 * image, which the pipeline decodes and prepares as it does an MQTT image). A file that cannot be
 * read gets its {@code .error.json} here, as the pipeline never sees it. When the sink refuses a
 * message (its queue is full) it is offered again later, in order: files are never dropped. A file
 * that changes after it was offered is offered again.
 *
 * <p>Besides the {@link WatchService}, the folder is listed every {@value #RESCAN_MILLIS} ms: a
 * watch service sees nothing that another machine writes to a network share, and on some systems it
 * only polls, slowly.
 *
 * <p>All the work happens on one daemon thread, {@code edgeinfer-watch}.
 */
public final class FolderWatcher implements AutoCloseable {
  public static final long DEFAULT_SETTLE_MILLIS = 200;

  static final long RESCAN_MILLIS = 2000;

  private static final Logger LOG = Logger.getLogger(FolderWatcher.class.getName());

  private final Path dir;
  private final Signature signature;
  private final Predicate<InboundMessage> sink;
  private final WatchService watchService;
  private final Settler settler;
  private final long tickMillis;
  private final long maxFileBytes;
  private final Thread thread;
  private final AtomicInteger filesSeen = new AtomicInteger();
  private volatile boolean running = true;

  // The watch thread's own state.
  /** Files already taken, with the stamp they had then: a later event with it is an echo. */
  private final Map<String, FileStamp> taken = new HashMap<>();

  /** Complete files waiting for the sink, oldest first. */
  private final Map<String, FileStamp> ready = new LinkedHashMap<>();

  /** The message the sink last refused, kept so that a retry does not read the file again. */
  private InboundMessage refused;

  private FolderWatcher(
      Path dir,
      Signature signature,
      Predicate<InboundMessage> sink,
      long settleMillis,
      long maxFileBytes)
      throws IOException {
    this.dir = dir;
    this.maxFileBytes = maxFileBytes;
    this.signature = signature;
    this.sink = sink;
    this.settler = new Settler(dir, TimeUnit.MILLISECONDS.toNanos(settleMillis));
    this.tickMillis = Math.max(10, Math.min(100, settleMillis / 4));
    this.watchService = dir.getFileSystem().newWatchService();
    try {
      // Registered before the first listing, so that no file falls between the two.
      dir.register(
          watchService,
          StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_DELETE);
    } catch (IOException | RuntimeException e) {
      watchService.close();
      throw e;
    }
    this.thread = new Thread(this::run, "edgeinfer-watch");
    thread.setDaemon(true);
  }

  /**
   * Starts watching {@code dir}; the files already there that have no {@code .prediction.json} (or
   * {@code .error.json}) yet are taken first, in name order.
   *
   * @param sink takes a message, or returns false when it cannot now (it is then offered again)
   * @param settleMillis how long a file must stay unchanged to count as complete
   * @param maxFileBytes larger files are answered with an error file, never read
   * @throws IOException when {@code dir} is not a folder or cannot be watched
   */
  public static FolderWatcher start(
      Path dir,
      Signature signature,
      Predicate<InboundMessage> sink,
      long settleMillis,
      long maxFileBytes)
      throws IOException {
    if (!Files.isDirectory(dir)) {
      throw Files.exists(dir)
          ? new NotDirectoryException(dir.toString())
          : new NoSuchFileException(dir.toString(), null, "expected a folder to watch");
    }
    if (settleMillis < 0) {
      throw new IllegalArgumentException("expected a settle time >= 0 ms, found " + settleMillis);
    }
    if (maxFileBytes < 1) {
      throw new IllegalArgumentException("expected a file limit >= 1 byte, found " + maxFileBytes);
    }
    FolderWatcher watcher = new FolderWatcher(dir, signature, sink, settleMillis, maxFileBytes);
    watcher.thread.start();
    return watcher;
  }

  /**
   * {@link #start(Path, Signature, Predicate, long, long)} with {@value #DEFAULT_SETTLE_MILLIS} ms
   * and files of up to {@code maxFileBytes}.
   */
  public static FolderWatcher start(
      Path dir, Signature signature, Predicate<InboundMessage> sink, long maxFileBytes)
      throws IOException {
    return start(dir, signature, sink, DEFAULT_SETTLE_MILLIS, maxFileBytes);
  }

  /** Files taken so far: offered to the sink, or answered with an error file. */
  public int filesSeen() {
    return filesSeen.get();
  }

  /** Stops watching; a message the sink has not taken yet stays behind, for the next start. */
  @Override
  public void close() {
    running = false;
    try {
      watchService.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing the watch service", e);
    }
    if (Thread.currentThread() != thread) {
      thread.interrupt();
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    long nextScan = System.nanoTime();
    while (running) {
      try {
        if (System.nanoTime() - nextScan >= 0) {
          scan();
          nextScan = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RESCAN_MILLIS);
        }
        WatchKey key = watchService.poll(tickMillis, TimeUnit.MILLISECONDS);
        if (key != null) {
          events(key);
        }
        ready.putAll(settled());
        offerReady();
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return;
      } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
        // One bad file or a sink that throws must not stop the watching.
        LOG.log(Level.WARNING, "edgeinfer: watching " + dir + ": " + e, e);
      }
    }
  }

  /** The folder's inputs not yet taken or answered: new, or left by an earlier run. */
  private void scan() {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        names.add(file.getFileName().toString());
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "edgeinfer: cannot list " + dir + ": " + e);
      return;
    }
    Collections.sort(names);
    for (String name : names) {
      if (!WatchedFiles.isInput(name)
          || taken.containsKey(name)
          || ready.containsKey(name)
          || settler.isWatching(name)) {
        continue;
      }
      if (WatchedFiles.hasOutput(dir, name)) {
        // Answered by an earlier run: remembered as taken, so later listings skip it cheaply.
        FileStamp stamp = FileStamp.of(dir.resolve(name));
        if (stamp != null) {
          taken.put(name, stamp);
        }
      } else {
        settler.watch(name);
      }
    }
  }

  private void events(WatchKey key) {
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
        scan();
        continue;
      }
      String name = ((Path) event.context()).getFileName().toString();
      if (!WatchedFiles.isInput(name)) {
        continue;
      }
      if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE) {
        taken.remove(name);
      } else if (!ready.containsKey(name)) {
        settler.watch(name);
      }
    }
    if (!key.reset()) {
      LOG.log(Level.WARNING, "edgeinfer: " + dir + " is gone; it is no longer watched");
      running = false;
    }
  }

  /** Complete files, less the echoes: events for a file taken since, unchanged. */
  private Map<String, FileStamp> settled() {
    Map<String, FileStamp> settled = settler.settled(System.nanoTime());
    settled.entrySet().removeIf(e -> e.getValue().equals(taken.get(e.getKey())));
    return settled;
  }

  /** Offers the waiting files in order, until the sink refuses one. */
  private void offerReady() {
    for (Iterator<Map.Entry<String, FileStamp>> it = ready.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, FileStamp> entry = it.next();
      String name = entry.getKey();
      FileStamp now = FileStamp.of(dir.resolve(name));
      if (!entry.getValue().equals(now)) {
        // Changed (or gone) while it waited: settle it again.
        dropRefused(name);
        it.remove();
        if (now != null) {
          settler.watch(name);
        }
        continue;
      }
      InboundMessage message = message(name, now);
      if (message == null) {
        it.remove();
        continue;
      }
      if (!sink.test(message)) {
        refused = message;
        return;
      }
      refused = null;
      it.remove();
      taken.put(name, now);
      filesSeen.incrementAndGet();
    }
  }

  /**
   * The file's message, or null when it has been dealt with otherwise (an error file written, or it
   * vanished). A file that changes while it is read is settled again.
   */
  private InboundMessage message(String name, FileStamp stamp) {
    if (isRefused(name)) {
      return refused;
    }
    Path file = dir.resolve(name);
    try {
      InboundMessage message = FileMessages.read(file, signature, maxFileBytes);
      if (!stamp.equals(FileStamp.of(file))) {
        settler.watch(name);
        return null;
      }
      return message;
    } catch (NoSuchFileException e) {
      return null;
    } catch (IllegalArgumentException e) {
      answerWithError(name, stamp, e.getMessage());
      return null;
    } catch (OutOfMemoryError e) {
      // An image whose header claims more pixels than the heap holds: its own fault, not ours.
      answerWithError(
          name, stamp, "expected a file this service can hold in memory, found one too large");
      return null;
    } catch (IOException e) {
      LOG.log(Level.WARNING, "edgeinfer: cannot read " + file + ": " + e);
      taken.put(name, stamp);
      return null;
    }
  }

  private void answerWithError(String name, FileStamp stamp, String reason) {
    taken.put(name, stamp);
    filesSeen.incrementAndGet();
    try {
      ErrorFiles.write(dir, name, reason);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "edgeinfer: " + dir.resolve(name) + ": " + reason + " (" + e + ")");
    }
  }

  private void dropRefused(String name) {
    if (isRefused(name)) {
      refused = null;
    }
  }

  private boolean isRefused(String name) {
    return refused != null && name.equals(FolderInputs.fileName(refused));
  }
}
