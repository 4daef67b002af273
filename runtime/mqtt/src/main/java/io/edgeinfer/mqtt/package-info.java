/**
 * The MQTT service behind {@code edgeinfer serve}: Paho v5 clients that only enqueue, a pipeline
 * that decodes, micro-batches, predicts and encodes on its own threads, replies that honour MQTT v5
 * response topics, a disk outbox for when the broker is away, and status and metrics.
 */
package io.edgeinfer.mqtt;
