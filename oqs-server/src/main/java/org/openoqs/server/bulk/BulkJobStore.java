package org.openoqs.server.bulk;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.code.ProcessingResultStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The bulk tables (V30__bulk_jobs.sql). Methods that change several rows expect to run inside the caller's
 * transaction; the claim in particular only makes sense there: the chunk stays locked until the caller commits.
 */
@Repository
public class BulkJobStore {

    private static final String JOB_COLUMNS = "job_id, reception_number, institution_code, kind, "
            + "arbitrary_file_identifier, confirmation_date, criteria, received_at, entry_count, chunk_count, submitted_by";

    private final JdbcTemplate jdbc;
    private volatile String claimSql;

    public BulkJobStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored job. {@code criteria} is set for the care-setting flows, {@code confirmationDate} for 一括照会. */
    public record Job(long jobId, String receptionNumber, String institutionCode, BulkKind kind,
                      String arbitraryFileIdentifier, LocalDate confirmationDate, String criteria, Instant receivedAt,
                      int entryCount, int chunkCount, String submittedBy) {
    }

    /** A claimed run of entries {@code firstSeq..lastSeq} (inclusive). */
    public record Chunk(long jobId, int chunkNo, int firstSeq, int lastSeq, int attempts) {
    }

    /** One entry as stored at intake. */
    public record Entry(int seq, String requestXml, String subjectPersonId) {
    }

    /** The answer of one entry. */
    public record Answer(int seq, ProcessingResultStatus status, String resultCode, String unitXml, String personIds) {
    }

    /** How far a job is; {@code answered} = {@code normal} + {@code error}, counted over finished chunks. */
    public record Progress(int entries, int chunks, int doneChunks, int normal, int error) {
        public boolean complete() {
            return doneChunks == chunks;
        }

        public int answered() {
            return normal + error;
        }
    }

    /** Receives the rendered units of a job in order. */
    @FunctionalInterface
    public interface UnitSink {
        void accept(String unitXml) throws java.io.IOException;
    }

    // ------------------------------------------------------------------------------------------------ intake

    /** Inserts the job row (counts 0 until {@link #finishIntake}) and returns its id. */
    public long insertJob(String receptionNumber, String institutionCode, BulkKind kind, String idempotencyKey,
                          Instant receivedAt, String submittedBy) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("insert into bulk_job (reception_number, "
                    + "institution_code, kind, idempotency_key, received_at, entry_count, chunk_count, submitted_by) "
                    + "values (?, ?, ?, ?, ?, 0, 0, ?)", new String[] {"job_id"});
            ps.setString(1, receptionNumber);
            ps.setString(2, institutionCode);
            ps.setString(3, kind.code());
            ps.setString(4, idempotencyKey);
            ps.setObject(5, utc(receivedAt));
            ps.setString(6, submittedBy);
            return ps;
        }, keys);
        Number id = keys.getKey();
        if (id == null) {
            throw new IllegalStateException("no generated job id");
        }
        return id.longValue();
    }

    /** Inserts entries ({@code seq} from 1). */
    public void insertEntries(long jobId, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into bulk_entry (job_id, seq, request_xml, subject_person_id) values (?, ?, ?, ?)",
                entries, entries.size(), (ps, e) -> {
                    ps.setLong(1, jobId);
                    ps.setInt(2, e.seq());
                    ps.setString(3, e.requestXml());
                    ps.setString(4, e.subjectPersonId());
                });
    }

    /** Header values, counts and the chunks of {@code chunkSize} entries; zero entries make zero chunks. */
    public void finishIntake(long jobId, String arbitraryFileIdentifier, LocalDate confirmationDate, String criteria,
                             int entryCount, int chunkSize) {
        List<int[]> chunks = new ArrayList<>();
        for (int first = 1, no = 1; first <= entryCount; first += chunkSize, no++) {
            chunks.add(new int[] {no, first, Math.min(entryCount, first + chunkSize - 1)});
        }
        jdbc.batchUpdate("insert into bulk_chunk (job_id, chunk_no, first_seq, last_seq, state) values (?, ?, ?, ?, 'P')",
                chunks, Math.max(1, chunks.size()), (ps, c) -> {
                    ps.setLong(1, jobId);
                    ps.setInt(2, c[0]);
                    ps.setInt(3, c[1]);
                    ps.setInt(4, c[2]);
                });
        jdbc.update("update bulk_job set arbitrary_file_identifier = ?, confirmation_date = ?, criteria = ?, "
                + "entry_count = ?, chunk_count = ? where job_id = ?", ps -> {
                    ps.setString(1, arbitraryFileIdentifier);
                    if (confirmationDate == null) {
                        ps.setNull(2, Types.DATE);
                    } else {
                        ps.setObject(2, confirmationDate);
                    }
                    ps.setString(3, criteria);
                    ps.setInt(4, entryCount);
                    ps.setInt(5, chunks.size());
                    ps.setLong(6, jobId);
                });
    }

    public Optional<Job> findByReceptionNumber(String receptionNumber) {
        return jdbc.query("select " + JOB_COLUMNS + " from bulk_job where reception_number = ?", BulkJobStore::mapJob,
                receptionNumber).stream().findFirst();
    }

    public Optional<Job> findByIdempotencyKey(String institutionCode, String idempotencyKey) {
        return jdbc.query("select " + JOB_COLUMNS + " from bulk_job where institution_code = ? and idempotency_key = ?",
                BulkJobStore::mapJob, institutionCode, idempotencyKey).stream().findFirst();
    }

    public Optional<Job> findById(long jobId) {
        return jdbc.query("select " + JOB_COLUMNS + " from bulk_job where job_id = ?", BulkJobStore::mapJob, jobId)
                .stream().findFirst();
    }

    // ------------------------------------------------------------------------------------------------ workers

    /**
     * Locks the oldest pending chunk that no other transaction holds and whose retry time has come. The lock lasts
     * until the caller's transaction ends; a crash rolls it back and the chunk is pending again.
     */
    public Optional<Chunk> claimNextPendingChunk(Instant now) {
        return jdbc.query(claimSql(), (rs, i) -> new Chunk(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                rs.getInt(5)), utc(now)).stream().findFirst();
    }

    /**
     * PostgreSQL: the oldest claimable chunk, {@code ORDER BY … LIMIT 1 FOR UPDATE SKIP LOCKED}. H2 (2.x) applies an
     * {@code ORDER BY … LIMIT} before it skips locked rows, so a second worker would find nothing while the first
     * holds the oldest chunk; without {@code ORDER BY} it skips correctly, and it scans the primary key (job, chunk)
     * in order anyway. The order is only a preference (oldest job first); correctness rests on the lock alone.
     */
    private String claimSql() {
        String sql = claimSql;
        if (sql == null) {
            boolean h2 = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
                    c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2")));
            sql = "select job_id, chunk_no, first_seq, last_seq, attempts from bulk_chunk "
                    + "where state = 'P' and (retry_at is null or retry_at <= ?) "
                    + (h2 ? "" : "order by job_id, chunk_no ") + "limit 1 for update skip locked";
            claimSql = sql;
        }
        return sql;
    }

    public List<Entry> entries(long jobId, int firstSeq, int lastSeq) {
        return jdbc.query("select seq, request_xml, subject_person_id from bulk_entry where job_id = ? and seq between ? "
                        + "and ? order by seq", (rs, i) -> new Entry(rs.getInt(1), rs.getString(2), rs.getString(3)),
                jobId, firstSeq, lastSeq);
    }

    /**
     * Stores the answers; an entry that already has an answer is never overwritten (the guard throws, the caller's
     * transaction rolls back).
     */
    public void saveAnswers(long jobId, List<Answer> answers, String instanceId, Instant now) {
        int[][] counts = jdbc.batchUpdate("update bulk_entry set status = ?, result_code = ?, unit_xml = ?, person_ids = ?, "
                + "processed_by = ?, processed_at = ? where job_id = ? and seq = ? and processed_by is null",
                answers, Math.max(1, answers.size()), (ps, a) -> {
                    ps.setString(1, a.status().code());
                    ps.setString(2, a.resultCode());
                    ps.setString(3, a.unitXml());
                    ps.setString(4, a.personIds());
                    ps.setString(5, instanceId);
                    ps.setObject(6, utc(now));
                    ps.setLong(7, jobId);
                    ps.setInt(8, a.seq());
                });
        for (int[] batch : counts) {
            for (int n : batch) {
                if (n == 0) {
                    throw new IllegalStateException("bulk entry of job " + jobId + " was already answered");
                }
            }
        }
    }

    /** Marks the chunk done and records the completion witness (whose primary key refuses a second answer). */
    public void completeChunk(Chunk chunk, int normal, int error, String instanceId, Instant now) {
        int updated = jdbc.update("update bulk_chunk set state = 'D', normal_count = ?, error_count = ? "
                + "where job_id = ? and chunk_no = ? and state = 'P'", normal, error, chunk.jobId(), chunk.chunkNo());
        if (updated != 1) {
            throw new IllegalStateException("chunk " + chunk + " was not pending");
        }
        jdbc.update("insert into bulk_chunk_completion (job_id, chunk_no, processed_by, entries, completed_at) "
                + "values (?, ?, ?, ?, ?)", chunk.jobId(), chunk.chunkNo(), instanceId,
                chunk.lastSeq() - chunk.firstSeq() + 1, utc(now));
    }

    /** After a failed answering transaction: count it and keep the chunk away until {@code retryAt}. */
    public void recordFailedAttempt(Chunk chunk, Instant retryAt) {
        jdbc.update("update bulk_chunk set attempts = attempts + 1, retry_at = ? where job_id = ? and chunk_no = ? "
                + "and state = 'P'", utc(retryAt), chunk.jobId(), chunk.chunkNo());
    }

    // ------------------------------------------------------------------------------------------------ download

    public Progress progress(Job job) {
        return jdbc.queryForObject("select count(*), coalesce(sum(case when state = 'D' then 1 else 0 end), 0), "
                        + "coalesce(sum(normal_count), 0), coalesce(sum(error_count), 0) from bulk_chunk where job_id = ?",
                (rs, i) -> new Progress(job.entryCount(), rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)),
                job.jobId());
    }

    /**
     * Hands the rendered units to {@code sink} in entry order, fetching a few hundred rows at a time (PostgreSQL
     * streams only inside a transaction: call this in one).
     */
    public void forEachUnit(long jobId, UnitSink sink) {
        jdbc.query(connection -> {
            PreparedStatement ps = connection.prepareStatement(
                    "select unit_xml from bulk_entry where job_id = ? order by seq", ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(200);
            ps.setLong(1, jobId);
            return ps;
        }, rs -> {
            try {
                sink.accept(rs.getString(1));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Deletes the jobs received before {@code cutoff}, with their entries, chunks and completions. */
    public int deleteReceivedBefore(Instant cutoff) {
        return jdbc.update("delete from bulk_job where received_at < ?", utc(cutoff));
    }

    private static Job mapJob(ResultSet rs, int row) throws SQLException {
        OffsetDateTime received = rs.getObject("received_at", OffsetDateTime.class);
        return new Job(rs.getLong("job_id"), rs.getString("reception_number").strip(),
                rs.getString("institution_code").strip(),
                BulkKind.ofCode(rs.getString("kind").strip()).orElseThrow(),
                rs.getString("arbitrary_file_identifier"), rs.getObject("confirmation_date", LocalDate.class),
                rs.getString("criteria"), received.toInstant(), rs.getInt("entry_count"), rs.getInt("chunk_count"),
                rs.getString("submitted_by"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
