package org.openoqs.terminal.distribution;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where the distribution agent keeps its state, under the terminal home:
 * <pre>
 *   distribution/apps/&lt;component&gt;/&lt;version&gt;/   installed versions side by side (current and previous)
 *   distribution/apps/&lt;component&gt;/current.properties   which version is in use, and the previous one
 *   distribution/downloads/                  packages being downloaded and verified
 *   distribution/records.log                 配信記録: one line per successful registration
 *   distribution/agent.heartbeat             proof of life of the running agent (doctor)
 * </pre>
 */
public record DistributionHome(Path root) {
    private static final Pattern COMPONENT = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    public DistributionHome {
        root = root.toAbsolutePath().normalize();
    }

    /** The distribution folder of a terminal home. */
    public static DistributionHome of(Path terminalHome) {
        return new DistributionHome(terminalHome.resolve("distribution"));
    }

    public Path apps() {
        return root.resolve("apps");
    }

    /** @throws IllegalArgumentException a component name that is not a plain lower-case name */
    public Path component(String component) {
        if (component == null || !COMPONENT.matcher(component).matches()) {
            throw new IllegalArgumentException("コンポーネント名が正しくありません: " + component);
        }
        return apps().resolve(component);
    }

    public Path downloads() {
        return root.resolve("downloads");
    }

    public Path records() {
        return root.resolve("records.log");
    }

    public Path heartbeat() {
        return root.resolve("agent.heartbeat");
    }
}
