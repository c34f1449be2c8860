package org.suishen.healthcode;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.status.Colour;

/**
 * Issues and checks signed code tokens (the format is described in {@code docs/healthcode.md}).
 * Tokens name people only by an opaque random reference, never by identity data.
 */
public interface CodeTokens {

  /**
   * Signs a new token for the person, valid from now for {@code validity}.
   *
   * @param holderPersonId the family member holding a {@link CodeType#PROXY} code, else null
   * @param colour the colour at issue time (offline verifiers show it), or null for codes that show
   *     no status (NAT, OFFLINE)
   */
  IssuedCode issue(
      CodeType type,
      UUID personId,
      @Nullable UUID holderPersonId,
      Duration validity,
      @Nullable Colour colour);

  /**
   * Signs a static token for a credential of a type with {@link CodeCredentials} (e.g. NAT): the
   * token's reference field carries the credential id, and the token shows no colour. Times are
   * truncated to whole seconds (the token's resolution); store the returned times.
   */
  IssuedCode issueCredential(CodeType type, UUID credentialId, Instant issuedAt, Instant expiresAt);

  /**
   * Checks a presented token on the server: format, key, tag, validity window (with the configured
   * clock-skew tolerance), type, and the person reference. Never throws for bad input.
   */
  CodeCheck check(String token, Set<CodeType> accepted);

  /**
   * {@link #check} with the token's validity window judged at {@code asOf} instead of now: for a
   * code a terminal checked offline at that moment (a live code's minute is long over when the
   * queue is uploaded). What the references stand for (withdrawn, revoked, the holder's binding) is
   * judged now. The caller bounds {@code asOf} (never in the future; sampling: no older than its
   * idempotency keys).
   */
  CodeCheck checkAsOf(String token, Set<CodeType> accepted, java.time.Instant asOf);
}
