package org.openoqs.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only, hash-chained audit trail ({@code audit_event}).
 *
 * <p>Every entry's {@code hash} is an HMAC-SHA256 (key: {@link AuditChainKey}, a file outside the database) over
 * {@code prev_hash} and its canonical fields, so a rewritten entry cannot be re-hashed by someone who can only write
 * the database. Entries written before the key existed (an older installation) keep their plain SHA-256 hashes;
 * the first keyed entry ({@value #EPOCH_ACTION}, its id recorded in the key file) links to the last of them, so
 * they cannot be rewritten either without breaking that entry's HMAC.
 *
 * <p>Every field is bounded before it is hashed ({@link AuditFields}), and a batch that still fails is retried
 * entry by entry, so one caller's entry can never fail another caller's.
 *
 * <p>Appends are synchronous for the caller (the entry is committed when {@link #append} returns) but are
 * group-committed: one writer thread takes every entry waiting at that moment, locks the chain head row
 * ({@code audit_head}, {@code SELECT … FOR UPDATE}, which also serialises several server instances on
 * PostgreSQL), computes the hashes in order and inserts them in one batch and one transaction.
 */
@Service
public class AuditLog implements InitializingBean, DisposableBean {

    /** {@code prev_hash} of the first entry. */
    public static final String GENESIS = "0".repeat(64);
    /** The first keyed entry: from it on every hash is an HMAC. */
    public static final String EPOCH_ACTION = "AUDIT_CHAIN_KEYED";

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final int MAX_BATCH = 500;
    private static final long APPEND_TIMEOUT_SECONDS = 30;
    private static final String SYSTEM = "system";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Path keyFile;
    private volatile AuditChainKey key;
    private final AnonymousRefusals anonymousRefusals;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread writer;

    public AuditLog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock,
                    AuditKeyFile keyFile, @Value("${oqs.audit.anonymous-window:PT1M}") Duration anonymousWindow) {
        this.jdbc = jdbc;
        this.anonymousRefusals = new AnonymousRefusals(this, clock, anonymousWindow);
        this.tx = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.keyFile = keyFile.path();
    }

    /** Where refusals of requests nobody can be held to are audited, aggregated (see {@link AnonymousRefusals}). */
    public AnonymousRefusals anonymousRefusals() {
        return anonymousRefusals;
    }

    /** The key the chain is verified with (read or created at start-up). */
    public AuditChainKey key() {
        return key;
    }

    /**
     * Appends an entry and returns it once committed.
     *
     * @throws AuditException when it could not be written (the caller must then not answer as if it had been)
     */
    public AuditEvent append(String facility, String actor, String action, String subject, String outcome) {
        if (actor == null || action == null || outcome == null) {
            throw new IllegalArgumentException("actor, action and outcome are required");
        }
        Pending p = new Pending(AuditFields.facility(facility), AuditFields.bound(actor, AuditFields.ACTOR),
                AuditFields.bound(action, AuditFields.ACTION), AuditFields.bound(subject, AuditFields.SUBJECT),
                AuditFields.bound(outcome, AuditFields.OUTCOME), new CompletableFuture<>());
        if (!running) {
            throw new AuditException("audit log is not running", null);
        }
        queue.add(p);
        try {
            return p.done.get(APPEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditException("interrupted while writing the audit log", e);
        } catch (ExecutionException e) {
            throw new AuditException("audit log write failed", e.getCause());
        } catch (TimeoutException e) {
            throw new AuditException("audit log write timed out", e);
        }
    }

    /** Entries with {@code id > afterId} in chain order, at most {@code limit}. */
    public List<AuditEvent> read(long afterId, int limit) {
        return jdbc.query("select id, at, facility, actor, action, subject, outcome, prev_hash, hash from audit_event "
                + "where id > ? order by id limit ?", AuditLog::map, afterId, limit);
    }

    /** The newest entries of one facility, newest first. */
    public List<AuditEvent> recent(String facility, int limit) {
        return jdbc.query("select id, at, facility, actor, action, subject, outcome, prev_hash, hash from audit_event "
                + "where facility = ? order by id desc limit ?", AuditLog::map, facility, limit);
    }

    public long size() {
        Long n = jdbc.queryForObject("select last_id from audit_head where id = 1", Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Re-computes every hash from the first entry and checks the links and the head: plain SHA-256 before the key's
     * epoch, HMAC from it on, and the entry at the epoch's start must be the {@value #EPOCH_ACTION} entry.
     */
    public AuditVerification verify() {
        return verify(this::read, () -> jdbc.queryForMap("select last_id, last_hash from audit_head where id = 1"), key);
    }

    /** Reads entries {@code > afterId} in chain order, at most {@code limit}. */
    @FunctionalInterface
    public interface EntryReader {
        List<AuditEvent> read(long afterId, int limit);
    }

    /** The verification, on any reader of a chain (the running service's, or a database opened by a command). */
    public static AuditVerification verify(EntryReader entries, java.util.function.Supplier<Map<String, Object>> headRow,
                                           AuditChainKey key) {
        String prev = GENESIS;
        long expectedId = 1;
        long checked = 0;
        long after = 0;
        while (true) {
            List<AuditEvent> page = entries.read(after, 1000);
            if (page.isEmpty()) {
                break;
            }
            for (AuditEvent e : page) {
                checked++;
                if (e.id() != expectedId) {
                    return new AuditVerification(false, checked, e.id(), "id gap: expected " + expectedId);
                }
                if (!prev.equals(e.prevHash())) {
                    return new AuditVerification(false, checked, e.id(), "prev_hash does not link to the previous entry");
                }
                boolean keyed = e.id() >= key.epochStart();
                if (e.id() == key.epochStart() && !EPOCH_ACTION.equals(e.action())) {
                    return new AuditVerification(false, checked, e.id(), "the keyed epoch does not start here");
                }
                String canonical = canonical(e.prevHash(), e.id(), e.at(), e.facility(), e.actor(), e.action(),
                        e.subject(), e.outcome());
                String recomputed = keyed ? key.mac(canonical) : sha256(canonical);
                if (!MessageDigest.isEqual(recomputed.getBytes(StandardCharsets.US_ASCII),
                        e.hash().getBytes(StandardCharsets.US_ASCII))) {
                    return new AuditVerification(false, checked, e.id(), keyed
                            ? "HMAC does not match the entry's fields (rewritten without the key?)"
                            : "hash does not match the entry's fields");
                }
                prev = e.hash();
                expectedId++;
                after = e.id();
            }
        }
        if (expectedId - 1 < key.epochStart()) {
            return new AuditVerification(false, checked, expectedId, "the chain ends before the keyed epoch "
                    + key.epochStart() + " recorded in the key file (entries removed?)");
        }
        Map<String, Object> head = headRow.get();
        long lastId = ((Number) head.get("last_id")).longValue();
        if (lastId != expectedId - 1 || !prev.equals(String.valueOf(head.get("last_hash")).strip())) {
            return new AuditVerification(false, checked, lastId, "chain head does not match the last entry (truncated?)");
        }
        return new AuditVerification(true, checked, -1, null);
    }

    /**
     * SHA-256 (hex) over the canonical form (see {@link #canonical}): the hash of entries written before the chain
     * was keyed.
     */
    public static String hashOf(String prevHash, long id, Instant at, String facility, String actor, String action,
                                String subject, String outcome) {
        return sha256(canonical(prevHash, id, at, facility, actor, action, subject, outcome));
    }

    /**
     * {@code prevHash} and the fields: each field as {@code <length>:<value>} (null as {@code -}), joined with
     * {@code |}, {@code at} as epoch milliseconds.
     */
    static String canonical(String prevHash, long id, Instant at, String facility, String actor, String action,
                            String subject, String outcome) {
        StringBuilder sb = new StringBuilder(256).append(prevHash).append('|').append(id).append('|')
                .append(at.toEpochMilli());
        for (String f : new String[] {facility, actor, action, subject, outcome}) {
            sb.append('|');
            if (f == null) {
                sb.append('-');
            } else {
                sb.append(f.length()).append(':').append(f);
            }
        }
        return sb.toString();
    }

    private static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ key epoch

    /**
     * The key of this chain: read from the key file, or — at the first start of a chain that has none — created,
     * opening the keyed epoch with an {@value #EPOCH_ACTION} entry and then recording its id in the new key file.
     *
     * @throws IllegalStateException when the chain is already keyed but this instance has no key file (another
     *                               instance created it: the same file must be configured here)
     */
    private AuditChainKey openKeyedEpoch() {
        Optional<AuditChainKey> existing = AuditChainKey.read(keyFile);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] secret = AuditChainKey.newSecret();
        long epochStart = tx.execute(status -> {
            Map<String, Object> head = jdbc.queryForMap("select last_id, last_hash from audit_head where id = 1 for update");
            Long keyedSince = jdbc.queryForObject("select min(id) from audit_event where action = ?", Long.class,
                    EPOCH_ACTION);
            if (keyedSince != null) {
                throw new IllegalStateException("the audit chain is keyed since entry " + keyedSince
                        + " but there is no key file at " + keyFile + ": configure the key file of the instance that "
                        + "created it (oqs.audit.key-file); without it the chain cannot be verified or extended");
            }
            long id = ((Number) head.get("last_id")).longValue() + 1;
            String prev = String.valueOf(head.get("last_hash")).strip();
            Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            String subject = "key=" + AuditChainKey.fingerprint(secret) + " unkeyed-entries=" + (id - 1);
            String hash = AuditChainKey.mac(secret, canonical(prev, id, at, null, SYSTEM, EPOCH_ACTION, subject, "OK"));
            jdbc.update("insert into audit_event (id, at, facility, actor, action, subject, outcome, prev_hash, hash) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)", id,
                    new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)),
                    null, SYSTEM, EPOCH_ACTION, subject, "OK", prev, hash);
            jdbc.update("update audit_head set last_id = ?, last_hash = ? where id = 1", id, hash);
            return id;
        });
        AuditChainKey created = AuditChainKey.store(keyFile, secret, epochStart);
        log.info("audit chain keyed from entry {} on; key {} in {}", epochStart, created.fingerprint(), keyFile);
        return created;
    }

    // ------------------------------------------------------------------------------------------------ writer

    @Override
    public void afterPropertiesSet() {
        key = openKeyedEpoch();
        running = true;
        writer = new Thread(this::writeLoop, "oqs-audit-writer");
        writer.setDaemon(true);
        writer.start();
        anonymousRefusals.start();
    }

    @Override
    public void destroy() throws InterruptedException {
        anonymousRefusals.stop();
        running = false;
        writer.interrupt();
        writer.join(10_000);
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        if (!left.isEmpty()) {
            write(left); // still committed: the DataSource outlives this bean
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running) {
            try {
                Pending first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } catch (RuntimeException e) {
                log.error("audit writer failure", e);
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        try {
            List<AuditEvent> written = tx.execute(status -> {
                Map<String, Object> head = jdbc.queryForMap(
                        "select last_id, last_hash from audit_head where id = 1 for update");
                long id = ((Number) head.get("last_id")).longValue();
                String prev = String.valueOf(head.get("last_hash")).strip();
                Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                List<AuditEvent> events = new ArrayList<>(batch.size());
                List<Object[]> rows = new ArrayList<>(batch.size());
                for (Pending p : batch) {
                    id++;
                    String hash = key.mac(canonical(prev, id, at, p.facility, p.actor, p.action, p.subject, p.outcome));
                    AuditEvent e = new AuditEvent(id, at, p.facility, p.actor, p.action, p.subject, p.outcome, prev, hash);
                    events.add(e);
                    rows.add(new Object[] {id, new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
                            OffsetDateTime.ofInstant(at, ZoneOffset.UTC)), p.facility, p.actor, p.action, p.subject,
                            p.outcome, prev, hash});
                    prev = hash;
                }
                jdbc.batchUpdate("insert into audit_event (id, at, facility, actor, action, subject, outcome, "
                        + "prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
                jdbc.update("update audit_head set last_id = ?, last_hash = ? where id = 1", id, prev);
                return events;
            });
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done.complete(written.get(i));
            }
        } catch (RuntimeException e) {
            if (batch.size() > 1) {
                // one entry's failure must not become every concurrent caller's: each alone, in its own transaction
                log.warn("audit batch of {} failed ({}); writing its entries one by one", batch.size(), e.toString());
                for (Pending p : batch) {
                    write(List.of(p));
                }
                return;
            }
            log.error("audit entry {} could not be written", batch.get(0).action, e);
            batch.get(0).done.completeExceptionally(e);
        }
    }

    private static AuditEvent map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime at = rs.getObject("at", OffsetDateTime.class);
        return new AuditEvent(rs.getLong("id"), at.toInstant(), rs.getString("facility"), rs.getString("actor"),
                rs.getString("action"), rs.getString("subject"), rs.getString("outcome"),
                rs.getString("prev_hash").strip(), rs.getString("hash").strip());
    }

    private record Pending(String facility, String actor, String action, String subject, String outcome,
                           CompletableFuture<AuditEvent> done) {
    }
}
