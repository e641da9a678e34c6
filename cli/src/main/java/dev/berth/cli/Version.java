package dev.berth.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code berth --version}: the jar's version, or "development" when run from classes. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"berth " + (v == null ? "development" : v)};
    }
}
