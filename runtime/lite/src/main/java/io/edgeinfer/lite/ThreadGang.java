package io.edgeinfer.lite;

import io.edgeinfer.lite.kernels.Scratch;
import io.edgeinfer.lite.ops.SplitRunner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A small fixed gang of worker threads that, with the calling thread, share the units of one split
 * step at a time ({@link SplitRunner}: a convolution's output pixels, a classifier's channels, an
 * ADD's elements), cut into {@link #PARTS_PER_THREAD} parts per thread. Each thread owns a stretch
 * of consecutive parts (the caller the first) and takes its own in order; a thread done with its
 * own takes the others' from their far end. Consecutive steps cut alike, so a thread finds most of
 * what it reads (the rows the previous step wrote) in its own core's cache, and a thread held up
 * (not woken yet, another process on its core) leaves its parts to whoever is free. Small steps,
 * and callers that find the gang busy with another predictor's step, run alone on their own thread.
 *
 * <p>Between steps the workers spin for {@link #SPIN_NANOS} before they park: the steps of one
 * inference follow each other within microseconds, and waking a parked thread takes tens of them
 * (the futex and the scheduler), as long as a small step itself. The caller waits for the last part
 * the same way. Nothing is allocated per step. Workers are daemon threads with a scratch each;
 * closing stops them.
 */
public final class ThreadGang implements AutoCloseable {
  /**
   * Steps below this cost (in multiply-adds of a 1x1 convolution, about 3 µs of one core here) run
   * on the calling thread: a part handed to a spinning worker costs about a microsecond.
   */
  static final long MIN_WORK = 1L << 16;

  /**
   * Parts per thread of a split: a thread that finds its part done early takes another, so a thread
   * slowed down (by another process on its core, or by a part of more work) holds up the step by a
   * smaller part. MobileNet v2 on 2 threads measured 0.54-0.56 of one thread's time with four parts
   * per thread against 0.58-0.59 with one (the sums of each step's fastest run).
   */
  static final int PARTS_PER_THREAD = 4;

  /** How long an idle worker, or the caller waiting for a part, spins before it parks. */
  static final long SPIN_NANOS = 200_000;

  private final Worker[] workers;
  private final ReentrantLock lock = new ReentrantLock();

  /**
   * Per thread (the caller is 0), its stretch of the split's parts as {@code next | end << 16 |
   * generation << 32}: a thread takes its own parts from {@code next} up, others take them from
   * {@code end} down, each by compare-and-set. A claim succeeds only on a non-empty stretch of the
   * split in progress (the generation tells it from an older split's stretch that happened to hold
   * the same parts), whose fields stay put until its last part is done. (On the earlier AMD
   * machine, whose cores had 512 KB of L2 each, taking parts in one shared order whoever came first
   * measured faster; on this one, 2 MB of L2 a core, own stretches first: MobileNet v2 on 2 threads
   * 0.51-0.53 of one thread's time against 0.57.)
   */
  private final AtomicLongArray stretches;

  private static final int PART_BITS = 16;
  private static final long PART_MASK = (1L << PART_BITS) - 1;

  /** Parts of the split in progress not finished yet. */
  private final AtomicInteger pending = new AtomicInteger();

  /** The generation of the newest split: what idle workers watch. */
  private volatile int published;

  private volatile boolean callerParked;

  /** Bumped by {@link #wake}: parked workers go back to spinning. */
  private volatile int wakeCalls;

  /** Times a parked worker went back to spinning on a {@link #wake}, for tests. */
  private final AtomicInteger rewoken = new AtomicInteger();

  private volatile boolean closed;
  private volatile Throwable failure;
  private volatile Thread caller;
  private int generation;

  // The split in progress: written under the lock before the stretches publish it.
  private SplitRunner op;
  private Object[] buffers;
  private int[][] shapes;
  private int units;
  private int parts;

  /** One helper thread, spinning or parked between splits. */
  private final class Worker implements Runnable {
    final Scratch scratch = new Scratch();
    final Thread thread;
    final int index;
    volatile boolean parked;

    Worker(String name, int index) {
      this.index = index;
      this.thread = new Thread(this, name);
      thread.setDaemon(true);
    }

    @Override
    public void run() {
      int seen = published;
      while (!closed) {
        int now = awaitSplit(seen);
        if (now != seen) {
          seen = now;
          scratch.nextStep();
          takeParts(scratch, index);
        }
      }
    }

    /**
     * Spins, then parks, until a split newer than {@code seen} is published or the gang closes; a
     * {@link #wake} while parked starts the spinning over.
     */
    private int awaitSplit(int seen) {
      while (true) {
        long start = System.nanoTime();
        int spins = 0;
        while (true) {
          int now = published;
          if (now != seen || closed) {
            return now;
          }
          Thread.onSpinWait();
          if (++spins % 64 == 0 && System.nanoTime() - start > SPIN_NANOS) {
            break;
          }
        }
        int wakes = wakeCalls;
        // Parked is set before the last look: the caller publishes (or wakes), then reads parked.
        parked = true;
        try {
          int now;
          while ((now = published) == seen && !closed && wakeCalls == wakes) {
            LockSupport.park(this);
          }
          if (now != seen || closed) {
            return now;
          }
          rewoken.incrementAndGet();
        } finally {
          parked = false;
        }
      }
    }
  }

  /**
   * Starts {@code threads - 1} workers (the caller is the other one).
   *
   * @throws IllegalArgumentException for fewer than 2 threads
   */
  ThreadGang(int threads) {
    if (threads < 2) {
      throw new IllegalArgumentException("expected 2 or more threads, found " + threads);
    }
    workers = new Worker[threads - 1];
    stretches = new AtomicLongArray(threads);
    for (int w = 0; w < workers.length; w++) {
      workers[w] = new Worker("edgeinfer-lite-" + (w + 1), w + 1);
      workers[w].thread.start();
    }
  }

  /** Threads that share a split, the caller's included. */
  public int threads() {
    return workers.length + 1;
  }

  private static int start(int units, int part, int parts) {
    return (int) ((long) units * part / parts);
  }

  /**
   * Takes and runs parts of the current split until none is left: thread {@code self}'s own stretch
   * first, then the others'. The split's fields are read before a part is claimed and used only
   * when the claim succeeds, which it can only while the split is unfinished.
   */
  private void takeParts(Scratch scratch, int self) {
    int n = stretches.length();
    for (int i = 0; i < n; i++) {
      int owner = (self + i) % n;
      boolean own = i == 0;
      while (true) {
        long c = stretches.get(owner);
        int next = (int) (c & PART_MASK);
        int end = (int) ((c >>> PART_BITS) & PART_MASK);
        if (next >= end) {
          break;
        }
        SplitRunner k = op;
        Object[] buf = buffers;
        int[][] s = shapes;
        int total = units;
        int count = parts;
        int part;
        long updated;
        if (own) {
          part = next;
          updated = c + 1;
        } else {
          part = end - 1;
          updated = c - (1L << PART_BITS);
        }
        if (!stretches.compareAndSet(owner, c, updated)) {
          continue;
        }
        try {
          k.runUnits(buf, s, scratch, start(total, part, count), start(total, part + 1, count));
        } catch (Throwable t) {
          failure = t;
        }
        if (pending.decrementAndGet() == 0 && callerParked) {
          LockSupport.unpark(caller);
        }
      }
    }
  }

  /**
   * Wakes parked workers so that they spin, ready for the splits of an inference about to start:
   * called as a prediction begins, before its inputs are read, so that the tens of microseconds a
   * parked thread takes to wake overlap that work instead of the first step (a camera's frames come
   * tens of milliseconds apart, long after the workers parked).
   */
  public void wake() {
    wakeCalls++;
    for (Worker worker : workers) {
      if (worker.parked) {
        LockSupport.unpark(worker.thread);
      }
    }
  }

  /** Runs {@code split} over all its units, on several threads when it is large enough. */
  public void run(SplitRunner split, Object[] buf, int[][] s, Scratch scratch) {
    // The cost first: most steps of a small model stop here, at the price of one look at a shape.
    if (closed || split.work(s) < MIN_WORK) {
      split.run(buf, s, scratch);
      return;
    }
    int total = split.units(s);
    if (total < 2 || !lock.tryLock()) {
      split.runUnits(buf, s, scratch, 0, total);
      return;
    }
    try {
      op = split;
      buffers = buf;
      shapes = s;
      units = total;
      parts = Math.min(threads() * PARTS_PER_THREAD, total);
      failure = null;
      caller = Thread.currentThread();
      pending.set(parts);
      generation++;
      int n = threads();
      for (int t = 0; t < n; t++) {
        // Volatile writes: they publish the fields above.
        long stretch = start(parts, t, n) | (long) start(parts, t + 1, n) << PART_BITS;
        stretches.set(t, stretch | (long) generation << 32);
      }
      published = generation;
      for (int w = 0; w < Math.min(parts - 1, workers.length); w++) {
        if (workers[w].parked) {
          LockSupport.unpark(workers[w].thread);
        }
      }
      takeParts(scratch, 0);
      awaitParts();
      Throwable t = failure;
      if (t instanceof RuntimeException e) {
        throw e;
      }
      if (t instanceof Error e) {
        throw e;
      }
    } finally {
      op = null;
      buffers = null;
      shapes = null;
      lock.unlock();
    }
  }

  /** Spins, then parks, until every part of the split is done. */
  private void awaitParts() {
    long start = System.nanoTime();
    int spins = 0;
    while (pending.get() > 0) {
      Thread.onSpinWait();
      if (++spins % 64 == 0 && System.nanoTime() - start > SPIN_NANOS) {
        callerParked = true;
        try {
          while (pending.get() > 0) {
            LockSupport.park(this);
          }
        } finally {
          callerParked = false;
        }
        return;
      }
    }
  }

  /** Stops the workers (they finish the part they hold first). */
  @Override
  public void close() {
    closed = true;
    for (Worker worker : workers) {
      LockSupport.unpark(worker.thread);
    }
  }

  /** Times a parked worker went back to spinning on a {@link #wake}, for tests. */
  int rewoken() {
    return rewoken.get();
  }

  /** The worker threads, for tests. */
  Thread[] workerThreads() {
    Thread[] threads = new Thread[workers.length];
    for (int w = 0; w < workers.length; w++) {
      threads[w] = workers[w].thread;
    }
    return threads;
  }
}
