-- Scheduled jobs run once across the application nodes (shared.jobs.JobLocks, ShedLock): a job's
-- row is its lock, held until lock_until (the database's UTC time, as ShedLock writes it), so a
-- node that dies mid-job frees it by itself.
CREATE TABLE shedlock (
  name       VARCHAR(64)  NOT NULL PRIMARY KEY,
  lock_until TIMESTAMP    NOT NULL,
  locked_at  TIMESTAMP    NOT NULL,
  locked_by  VARCHAR(255) NOT NULL
);
