package io.edgeinfer.mqtt.watch;

import io.edgeinfer.mqtt.Reply;
import io.edgeinfer.mqtt.ReplySink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link ReplySink} for watched files: writes each reply's payload (the prediction JSON, or the
 * error JSON) atomically, by a temporary file and a rename, to {@code DIR/<file>.prediction.json}
 * (or {@code DIR/<file>.error.json} when {@link Reply#error()}), then passes the reply on to {@code
 * next} (for example the MQTT publisher) — or, when there is no next sink, acknowledges the source
 * itself.
 *
 * <p>The file a reply belongs to is named by its source topic, {@code file/<name>}. Replies for
 * other topics, or for names that are not an input in {@code DIR}, are only passed on.
 *
 * <p>When the file cannot be written the reply is still passed on; without a next sink it is then
 * not acknowledged.
 */
public final class FileReplySink implements ReplySink {
  private static final Logger LOG = Logger.getLogger(FileReplySink.class.getName());

  private final Path dir;
  private final ReplySink next;

  /**
   * @param dir the watched folder
   * @param next the sink replies go to after their file is written, or null
   */
  public FileReplySink(Path dir, ReplySink next) {
    this.dir = dir;
    this.next = next;
  }

  @Override
  public void deliver(Reply reply) {
    boolean written = true;
    String name = WatchedFiles.nameOf(reply.source().topic());
    // The input must be there: a reply for a name that only looks like one of ours (an MQTT topic
    // file/...) writes nothing.
    if (name != null && Files.isRegularFile(dir.resolve(name))) {
      written = write(name, reply);
    }
    if (next != null) {
      next.deliver(reply);
    } else if (written) {
      reply.source().acknowledge().run();
    }
  }

  private boolean write(String name, Reply reply) {
    try {
      Answers.write(dir, name, reply.payload(), reply.error());
      return true;
    } catch (IOException e) {
      LOG.log(
          Level.WARNING,
          "edgeinfer: cannot write the "
              + (reply.error() ? "error" : "prediction")
              + " for "
              + dir.resolve(name)
              + ": "
              + e);
      return false;
    }
  }
}
