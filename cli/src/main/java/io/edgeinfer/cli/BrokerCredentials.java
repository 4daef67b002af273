package io.edgeinfer.cli;

import io.edgeinfer.mqtt.PemTls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import javax.net.SocketFactory;

/**
 * Who {@code serve} is to the broker: user name, the password (from a file or {@value
 * #PASSWORD_ENV}, never from a flag or a config file, so it shows in no process list) and the TLS
 * files. Read only when the service connects.
 *
 * @param tlsCa the CA to trust (ssl:// only), or null for the JVM's trust store
 * @param tlsCert the client certificate, with {@code tlsKey}, or null
 */
record BrokerCredentials(
    String clientId, String username, Path passwordFile, Path tlsCa, Path tlsCert, Path tlsKey) {
  static final String PASSWORD_ENV = "EDGEINFER_MQTT_PASSWORD";

  /** Checks that TLS files go with a TLS broker. */
  BrokerCredentials requireTlsFor(BrokerTarget target) {
    if (!target.tls() && (tlsCa != null || tlsCert != null || tlsKey != null)) {
      throw new IllegalArgumentException(
          "--tls-*: expected an ssl:// broker URL with them, found " + target.clientUri());
    }
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new IllegalArgumentException(
          "expected --tls-cert and --tls-key together, found only "
              + (tlsCert != null ? "--tls-cert" : "--tls-key"));
    }
    return this;
  }

  /** The password, or null when the broker needs none. */
  char[] password(Function<String, String> environment) throws IOException {
    if (passwordFile != null) {
      return Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
    }
    String fromEnvironment = environment.apply(PASSWORD_ENV);
    return fromEnvironment == null ? null : fromEnvironment.toCharArray();
  }

  /** For ssl:// the PEM files' socket factory; else null (plain TCP). */
  SocketFactory socketFactory(BrokerTarget target) throws IOException {
    return target.tls() ? PemTls.socketFactory(tlsCa, tlsCert, tlsKey) : null;
  }
}
