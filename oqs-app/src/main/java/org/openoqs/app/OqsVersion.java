package org.openoqs.app;

import picocli.CommandLine;

/** Version shown by {@code oqs --version}, taken from the jar manifest when packaged. */
public final class OqsVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = OqsVersion.class.getPackage().getImplementationVersion();
        return new String[] {"openoqs " + (version == null ? "development build" : version)};
    }
}
