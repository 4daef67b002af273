package io.edgeinfer.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest; {@code dev} when run from classes. */
final class VersionProvider implements IVersionProvider {
  static String version() {
    String version = VersionProvider.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "edgeinfer " + version(),
      "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.arch")
    };
  }
}
