package io.edgeinfer.mqtt.watch;

import io.edgeinfer.mqtt.Reply;
import io.edgeinfer.mqtt.ReplyRoute;
import io.edgeinfer.mqtt.ReplySink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link ReplySink} for watched files: writes each reply's payload (the prediction JSON, or the
 * error JSON) atomically, by a temporary file and a rename, to {@code <file>.prediction.json} (or
 * {@code <file>.error.json} when {@link Reply#error()}) beside the file its message's {@link
 * ReplyRoute.WatchedFile route} names, then passes the reply on to {@code next} (for example the
 * MQTT publisher) — or, when there is no next sink, acknowledges the source itself.
 *
 * <p>Replies on other routes (MQTT requests, whatever their topic) are only passed on, as is a
 * reply whose input was deleted meanwhile. When the file cannot be written the reply is still
 * passed on; without a next sink it is then not acknowledged.
 */
public final class FileReplySink implements ReplySink {
  private static final Logger LOG = Logger.getLogger(FileReplySink.class.getName());

  private final ReplySink next;

  /**
   * @param next the sink replies go to after their file is written, or null
   */
  public FileReplySink(ReplySink next) {
    this.next = next;
  }

  @Override
  public void deliver(Reply reply) {
    boolean written = true;
    if (reply.source().route() instanceof ReplyRoute.WatchedFile file
        && Files.isRegularFile(file.folder().resolve(file.name()))) {
      written = write(file, reply);
    }
    if (next != null) {
      next.deliver(reply);
    } else if (written) {
      reply.source().acknowledge().run();
    }
  }

  private boolean write(ReplyRoute.WatchedFile file, Reply reply) {
    try {
      Answers.write(file.folder(), file.name(), reply.payload(), reply.error());
      return true;
    } catch (IOException e) {
      Path input = file.folder().resolve(file.name());
      LOG.log(
          Level.WARNING,
          "edgeinfer: cannot write the "
              + (reply.error() ? "error" : "prediction")
              + " for "
              + input
              + ": "
              + e);
      return false;
    }
  }
}
