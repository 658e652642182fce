package org.openoqs.terminal.central;

import java.util.Arrays;
import java.util.regex.Pattern;

/** A package version such as {@code 1.10.2}: one to four numbers, compared numerically (1.10 after 1.9). */
public record PackageVersion(String text) implements Comparable<PackageVersion> {
    private static final Pattern FORMAT = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,9}){0,3}");

    /** @throws IllegalArgumentException with a Japanese message */
    public PackageVersion {
        if (text == null || !FORMAT.matcher(text).matches()) {
            throw new IllegalArgumentException("バージョンの形式が正しくありません（例: 1.2.0）: " + text);
        }
    }

    public static PackageVersion of(String text) {
        return new PackageVersion(text);
    }

    private long[] parts() {
        return Arrays.stream(text.split("\\.")).mapToLong(Long::parseLong).toArray();
    }

    @Override
    public int compareTo(PackageVersion other) {
        long[] a = parts();
        long[] b = other.parts();
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            long x = i < a.length ? a[i] : 0;
            long y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        return Integer.compare(a.length, b.length);
    }

    public boolean isNewerThan(PackageVersion other) {
        return compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
