/**
 * Home Assistant's MQTT discovery for {@code serve --homeassistant}: retained config messages that
 * make each label the user names a binary sensor (detected above the threshold) and a sensor (its
 * top score) of one device, available while the service's own status topic says {@code online};
 * and, after each prediction, a retained state message those entities read.
 */
package io.edgeinfer.mqtt.homeassistant;
