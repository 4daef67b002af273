package io.edgeinfer.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS socket factory from the PEM files that Mosquitto users already have: a CA certificate to
 * trust and, for client authentication, a certificate and its PKCS#8 private key.
 */
public final class PemTls {
  private PemTls() {}

  /**
   * @param ca the CA to trust, or null for the JVM's default trust store
   * @param cert the client certificate, or null (then {@code key} must be null too)
   */
  public static SSLSocketFactory socketFactory(Path ca, Path cert, Path key) throws IOException {
    if ((cert == null) != (key == null)) {
      throw new IllegalArgumentException(
          "expected --tls-cert and --tls-key together, found only "
              + (cert != null ? "--tls-cert" : "--tls-key"));
    }
    try {
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      if (ca == null) {
        trust.init((KeyStore) null);
      } else {
        KeyStore trusted = emptyStore();
        int i = 0;
        for (Certificate certificate : certificates(ca)) {
          trusted.setCertificateEntry("ca" + i++, certificate);
        }
        trust.init(trusted);
      }
      KeyManagerFactory keys = null;
      if (cert != null) {
        KeyStore store = emptyStore();
        List<Certificate> chain = certificates(cert);
        store.setKeyEntry(
            "client", privateKey(key), new char[0], chain.toArray(new Certificate[0]));
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, new char[0]);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    return store;
  }

  private static List<Certificate> certificates(Path file)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> found =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (found.isEmpty()) {
        throw new IOException("expected a PEM certificate in " + file + ", found none");
      }
      return new ArrayList<>(found);
    }
  }

  private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
      throw new IOException(
          "expected a PKCS#8 key (-----BEGIN PRIVATE KEY-----) in "
              + file
              + "; convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
    }
    String base64 =
        pem.substring(
                pem.indexOf("-----BEGIN PRIVATE KEY-----") + 27,
                pem.indexOf("-----END PRIVATE KEY-----"))
            .replaceAll("\\s", "");
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
    for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        // Try the next algorithm: PKCS#8 names it inside, but KeyFactory wants it up front.
      }
    }
    throw new IOException("expected an RSA, EC or Ed25519 private key in " + file);
  }
}
