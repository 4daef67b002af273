/**
 * The publish record: one complete MQTT publish ({@link io.edgeinfer.mqtt.publish.Publish}), made
 * by the pipeline, sent by the publisher, kept by the outbox and the dead-letter folder. Its own
 * package, so that the outbox depends on it and not on the service around it.
 */
package io.edgeinfer.mqtt.publish;
