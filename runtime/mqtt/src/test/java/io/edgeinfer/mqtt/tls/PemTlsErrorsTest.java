package io.edgeinfer.mqtt.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.mqtt.PemTls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS set-up mistakes users make, caught before any broker is contacted. */
class PemTlsErrorsTest {
  @TempDir static Path dir;
  static TestPki pki;

  @BeforeAll
  static void makePki() throws Exception {
    pki = TestPki.in(dir);
    pki.authority("ca");
    pki.leaf("client", "ca", "edgeinfer-client", "extendedKeyUsage = clientAuth\n");
  }

  @Test
  void aPkcs1KeyGetsTheConversionCommandAndThatCommandWorks() throws Exception {
    Path pkcs1 = pki.file("client.key");
    assertTrue(Files.readString(pkcs1).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
    IOException e =
        assertThrows(
            IOException.class,
            () -> PemTls.socketFactory(pki.file("ca.crt"), pki.file("client.crt"), pkcs1));
    assertEquals(
        "expected a PKCS#8 key (-----BEGIN PRIVATE KEY-----) in "
            + pkcs1
            + "; convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8",
        e.getMessage());
    // client.pk8 was made from client.key by exactly that command (see TestPki).
    assertNotNull(
        PemTls.socketFactory(pki.file("ca.crt"), pki.file("client.crt"), pki.file("client.pk8")));
  }

  @Test
  void aCertificateNeedsItsKeyAndTheOtherWayRound() {
    IllegalArgumentException onlyCert =
        assertThrows(
            IllegalArgumentException.class,
            () -> PemTls.socketFactory(pki.file("ca.crt"), pki.file("client.crt"), null));
    assertEquals(
        "expected --tls-cert and --tls-key together, found only --tls-cert", onlyCert.getMessage());
    IllegalArgumentException onlyKey =
        assertThrows(
            IllegalArgumentException.class,
            () -> PemTls.socketFactory(pki.file("ca.crt"), null, pki.file("client.pk8")));
    assertEquals(
        "expected --tls-cert and --tls-key together, found only --tls-key", onlyKey.getMessage());
  }
}
