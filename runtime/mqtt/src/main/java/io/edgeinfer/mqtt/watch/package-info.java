/**
 * {@code edgeinfer serve --watch DIR}: files dropped in a folder are predicted, and the answer is
 * written beside each one as {@code <file>.prediction.json} (or {@code <file>.error.json}).
 *
 * <p>{@link io.edgeinfer.mqtt.watch.FolderWatcher} finds new files, waits until each is complete
 * and offers it to the pipeline as an {@link io.edgeinfer.mqtt.InboundMessage} on the topic {@code
 * file/<name>}; {@link io.edgeinfer.mqtt.watch.FileReplySink} writes the replies. A file counts as
 * done when its output file exists, so after a restart the files still without one are predicted
 * again: at least once, never lost.
 */
package io.edgeinfer.mqtt.watch;
