/**
 * The disk outbox of the MQTT service: publishes that could not go out while the broker was away,
 * kept on disk until they are delivered.
 *
 * <p>Why our own and not Paho's persistence: Paho stores in-flight publishes with only the topic
 * alias, so resending them after a restart is a protocol error. The outbox stores {@link
 * io.edgeinfer.mqtt.publish.Publish} records, complete publishes: the full topic and the v5
 * properties a reply needs.
 *
 * <p>On disk, one folder per outbox:
 *
 * <pre>
 * lock                       held with FileChannel.tryLock by the one process that uses the folder
 * sequence                   the highest sequence number given out (leased in blocks)
 * 0000000000000000042.msg    one message per file; the zero-padded sequence makes name order
 *                            publish order
 * corrupt/                   complete files that failed their check, kept for a person to look at
 * *.tmp                      a write in progress; left behind only by a crash, deleted on open
 * </pre>
 *
 * <p>Every file is a frame: the magic ({@code EIOB} for messages, {@code EISQ} for the sequence), a
 * version (1), the body length and a CRC32 of the body, all big-endian, then the body. A message
 * body holds the sequence, QoS, flags (retain and which optional properties are present), the
 * topic, content type, response topic, correlation data, user properties in order and the payload;
 * strings are UTF-8 and every string or byte array carries its length as an int.
 *
 * <p>Durability: a file is written to a temp name, forced to disk, renamed into place atomically,
 * then the folder itself is forced, before {@code append} returns. A {@code kill -9} or power loss
 * at any point leaves either no file or a complete one.
 */
package io.edgeinfer.mqtt.outbox;
