package io.edgeinfer.mqtt.tls;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A throwaway PKI made with the openssl command line, the way a Mosquitto user makes one (RSA 2048,
 * which both Mosquitto 2.0 and Java 17 take). Every file is {@code dir/NAME.crt}, {@code
 * dir/NAME.key} (for leaves: PKCS#1, as {@code openssl} tutorials leave it) and, for leaves, {@code
 * dir/NAME.pk8} (converted with the very command PemTls's error message recommends).
 */
final class TestPki {
  private static final Path OPENSSL = Path.of("/usr/bin/openssl");

  private final Path dir;

  private TestPki(Path dir) {
    this.dir = dir;
  }

  /** Skips the calling test when openssl is not installed. */
  static TestPki in(Path dir) throws IOException {
    assumeTrue(Files.isExecutable(OPENSSL), "skipped: /usr/bin/openssl is not installed");
    Files.createDirectories(dir);
    return new TestPki(dir);
  }

  Path file(String name) {
    return dir.resolve(name);
  }

  /** A self-signed CA, {@code NAME.crt} and {@code NAME.key}. */
  Path authority(String name) throws IOException, InterruptedException {
    Path config =
        config(
            name,
            "x509_extensions = ext\n",
            "[ext]\nbasicConstraints = critical,CA:TRUE\n"
                + "keyUsage = critical,keyCertSign,cRLSign\nsubjectKeyIdentifier = hash\n");
    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-sha256",
        "-config",
        config.toString(),
        "-keyout",
        file(name + ".key").toString(),
        "-out",
        file(name + ".crt").toString());
    return file(name + ".crt");
  }

  /**
   * A certificate for {@code cn} signed by {@code ca}; {@code extensions} in openssl's extfile
   * syntax (a server needs {@code subjectAltName = IP:...}: Paho checks the host name).
   */
  Path leaf(String name, String ca, String cn, String extensions)
      throws IOException, InterruptedException {
    Path pkcs8 = file(name + ".genpkey");
    openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "" + pkcs8);
    // OpenSSL 3 writes PKCS#8 by default; -traditional gives the PKCS#1 file users often have.
    openssl("pkey", "-in", "" + pkcs8, "-traditional", "-out", "" + file(name + ".key"));
    openssl(
        "pkcs8",
        "-topk8",
        "-nocrypt",
        "-in",
        "" + file(name + ".key"),
        "-out",
        "" + file(name + ".pk8"));
    openssl(
        "req",
        "-new",
        "-config",
        "" + config(cn, "", ""),
        "-key",
        "" + file(name + ".key"),
        "-out",
        "" + file(name + ".csr"));
    Path ext = file(name + ".ext");
    Files.writeString(ext, "basicConstraints = CA:FALSE\n" + extensions);
    openssl(
        "x509",
        "-req",
        "-in",
        "" + file(name + ".csr"),
        "-CA",
        "" + file(ca + ".crt"),
        "-CAkey",
        "" + file(ca + ".key"),
        "-CAserial",
        "" + file(ca + ".srl"),
        "-CAcreateserial",
        "-days",
        "2",
        "-sha256",
        "-extfile",
        "" + ext,
        "-out",
        "" + file(name + ".crt"));
    return file(name + ".crt");
  }

  /** A config of our own, so the system's openssl.cnf (or its absence) does not matter. */
  private Path config(String cn, String reqLines, String sections) throws IOException {
    Path config = Files.createTempFile(dir, "openssl", ".cnf");
    Files.writeString(
        config,
        "[req]\ndistinguished_name = dn\nprompt = no\n"
            + reqLines
            + "[dn]\nCN = "
            + cn
            + "\n"
            + sections);
    return config;
  }

  private void openssl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(OPENSSL.toString()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed:\n" + output);
    }
  }
}
