/**
 * The MQTT service behind {@code edgeinfer serve}, in the order data flows: a message arrives
 * (Paho's callback builds an {@link io.edgeinfer.mqtt.InboundMessage} carrying its {@link
 * io.edgeinfer.mqtt.ReplyRoute}, and the {@link io.edgeinfer.mqtt.Intake} hands it over without
 * waiting; a full pipeline shuts the socket's {@link io.edgeinfer.mqtt.ReadGate}), the {@link
 * io.edgeinfer.mqtt.Pipeline} decodes, micro-batches, predicts and encodes on its own threads, the
 * route's publishes ({@link io.edgeinfer.mqtt.publish.Publish}) go to the {@link
 * io.edgeinfer.mqtt.Publisher}, and on to the broker or the disk outbox. {@link
 * io.edgeinfer.mqtt.MqttService} builds these parts in that order, from the outbox back to the
 * intake, and closes them in the reverse.
 */
package io.edgeinfer.mqtt;
