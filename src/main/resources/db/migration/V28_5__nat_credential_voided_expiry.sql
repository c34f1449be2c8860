-- The voided NAT credentials (one per regeneration) are deleted some days after they expired
-- (natcode SupersededCredentialPurge): this index finds them without reading the table.
CREATE INDEX nat_credential_voided_expiry_idx ON nat_credential (expires_at) WHERE revoked_at IS NOT NULL;
