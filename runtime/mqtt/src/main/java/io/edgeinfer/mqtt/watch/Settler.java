package io.edgeinfer.mqtt.watch;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Waits until files are complete: a file is taken once its stamp (size, modification time) has not
 * changed for the settle time. Nothing else tells a finished file from one a slow copy is still
 * writing. Used by one thread only.
 */
final class Settler {
  private final Path dir;
  private final long settleNanos;
  private final Map<String, Observation> pending = new LinkedHashMap<>();

  Settler(Path dir, long settleNanos) {
    this.dir = dir;
    this.settleNanos = settleNanos;
  }

  /** Starts (or keeps) watching a file; the clock starts at its first look. */
  void watch(String name) {
    pending.putIfAbsent(name, new Observation(null, 0));
  }

  boolean isWatching(String name) {
    return pending.containsKey(name);
  }

  /** The files that are now complete, with their stamps, in the order they arrived. */
  Map<String, FileStamp> settled(long nowNanos) {
    Map<String, FileStamp> done = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, Observation>> it = pending.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<String, Observation> entry = it.next();
      FileStamp stamp = FileStamp.of(dir.resolve(entry.getKey()));
      Observation seen = entry.getValue();
      if (stamp == null) {
        it.remove();
      } else if (!stamp.equals(seen.stamp())) {
        entry.setValue(new Observation(stamp, nowNanos));
      } else if (nowNanos - seen.sinceNanos() >= settleNanos) {
        it.remove();
        done.put(entry.getKey(), stamp);
      }
    }
    return done;
  }

  private record Observation(FileStamp stamp, long sinceNanos) {}
}
