package org.openoqs.server.account;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Failed sign-ins for IDs that have no usable account, counted like real ones so that such an ID also reports
 * "locked" after {@link PasswordPolicy#LOCK_AFTER} attempts: otherwise the lock message would reveal which IDs
 * exist. Kept in memory (a decoy needs no durability); bounded so a flood of random IDs cannot exhaust it.
 */
final class UnknownIdAttempts {

    private static final int MAX_ENTRIES = 10_000;
    private final ConcurrentMap<String, Integer> failures = new ConcurrentHashMap<>();

    /** Counts one failure; true when the ID now looks locked. */
    boolean fail(String institutionCode, String accountId) {
        if (failures.size() >= MAX_ENTRIES) {
            failures.clear();
        }
        int count = failures.merge(institutionCode + "/" + accountId, 1, Integer::sum);
        return count >= PasswordPolicy.LOCK_AFTER;
    }
}
