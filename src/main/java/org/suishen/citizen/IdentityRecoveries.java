package org.suishen.citizen;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.suishen.identity.IdentityDocument;
import org.suishen.shared.security.Actor;

/**
 * Taking an identity back through an appeal with evidence (身份找回, MISSION H1), for the appeals
 * context: what a reviewer needs to see of the accounts involved, and the recovery itself once the
 * appeal is upheld. (The desk recovery with an ID card read lives in the citizen context itself.)
 */
public interface IdentityRecoveries {

  /**
   * For filing an identity appeal from a not yet registered account: the person whose register
   * entry matches the document and the name. Under the same locks and limits as a registration
   * attempt; a mismatch counts as a failed attempt and is refused with the same uniform {@code
   * citizen.identity.not-verified} (422); an account that holds an identity already gets {@code
   * citizen.identity.already-registered} (409), one over the limits {@code
   * citizen.identity.too-many-attempts} (429).
   */
  UUID appealable(UUID accountId, IdentityDocument document, String name);

  /** The account that holds the person's identity now, masked: empty if none does. */
  Optional<Holder> holderOf(UUID personId);

  /** The masked mobile number of an account; empty if the account is gone. */
  Optional<String> maskedPhoneOf(UUID accountId);

  /**
   * Moves the person's identity to {@code appellantAccount}, in the caller's transaction: the
   * earlier claim (if any) is voided, its sessions end, its phone is told after the commit, and
   * both steps are audited by {@code reviewer} with {@code reference}.
   *
   * <p>Refused with {@code citizen.recovery.account-registered} (409) when the appellant's account
   * meanwhile holds another identity, {@code citizen.recovery.already-holds} (409) when it already
   * holds this one, and {@code citizen.recovery.account-gone} (409) when it no longer exists.
   *
   * @param reference what allowed it, for the audit trail (e.g. {@code appeal=<id>})
   */
  void recoverAfterAppeal(UUID personId, UUID appellantAccount, Actor reviewer, String reference);

  /**
   * The account holding an identity, as a reviewer may see it.
   *
   * @param since when the account last changed: its claim is no younger than this
   */
  record Holder(UUID accountId, String maskedPhone, Instant since) {}
}
