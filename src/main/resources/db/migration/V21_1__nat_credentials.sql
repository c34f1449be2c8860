-- NAT codes (核酸码, MISSION N1-N5): the credentials behind the static 30-day tokens. A NAT token carries a
-- random credential id (in the token's reference field), never an identity; this table maps it to the
-- person. One current credential per person (N2): generating a new one voids the earlier one in the same
-- transaction (revoked_at), and the voiding enters the revocation feed terminals poll.
--
-- revocation_version: the id (xid8) of the transaction that voided the credential. The feed hands out
-- only versions below the oldest transaction still running, so a version, once handed out, is never
-- followed by a smaller one that commits later (no gaps for terminals that poll "since X").
-- NULL for credentials voided after they had expired (terminals refuse those by their expiry anyway).
-- bucket: the first two bytes of SHA-256(credential id) as 0..65535; feed partition p of P covers the
-- buckets with floor(bucket * P / 65536) = p, a contiguous range.
-- masked_name / masked_document: what sampling staff see on a scan (one lookup per scan, here).
--
-- Size: 25 million current rows plus one voided row per regeneration; in production partition by issued_at
-- (month) and drop partitions whose codes have all expired.
CREATE TABLE nat_credential (
  credential_id      UUID        PRIMARY KEY,
  person_id          UUID        NOT NULL,
  issued_at          TIMESTAMPTZ NOT NULL,
  expires_at         TIMESTAMPTZ NOT NULL,
  revoked_at         TIMESTAMPTZ,
  revocation_version BIGINT,
  bucket             INT         NOT NULL CHECK (bucket BETWEEN 0 AND 65535),
  key_id             INT         NOT NULL,
  masked_name        TEXT        NOT NULL,
  masked_document    TEXT        NOT NULL,
  CONSTRAINT nat_credential_window CHECK (expires_at > issued_at),
  CONSTRAINT nat_credential_version CHECK (revocation_version IS NULL OR revoked_at IS NOT NULL)
);
-- N2: at most one current (not voided) credential per person; also the lookup of a person's current code
CREATE UNIQUE INDEX nat_credential_current_uq ON nat_credential (person_id) WHERE revoked_at IS NULL;
-- the revocation feed: index-only scans in version order, filtered by bucket range
CREATE INDEX nat_credential_feed_idx ON nat_credential (revocation_version)
  INCLUDE (bucket, credential_id, expires_at) WHERE revocation_version IS NOT NULL;
