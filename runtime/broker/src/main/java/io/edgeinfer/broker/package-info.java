/** The optional in-process MQTT v5 broker behind {@code serve --broker embedded}. */
package io.edgeinfer.broker;
