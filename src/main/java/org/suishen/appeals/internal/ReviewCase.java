package org.suishen.appeals.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.suishen.citizen.IdentityRecoveries;
import org.suishen.status.HealthStatus;

/**
 * Everything a reviewer needs to decide an appeal: the appeal, the person (absent if the register
 * no longer knows them), their current health status, the consultation notes and the evidence; for
 * an identity appeal also the accounts involved.
 */
public record ReviewCase(
    Appeal appeal,
    @Nullable ReviewedPerson person,
    HealthStatus status,
    List<Consultation> consultations,
    List<EvidenceFile> evidence,
    int minimumConsultations,
    @Nullable IdentityAccounts identity) {

  /**
   * Identity appeals: the accounts involved, masked.
   *
   * @param appellantPhone the masked number of the account that filed the appeal (null if gone)
   * @param holder the account that holds the identity now (null if none does)
   */
  public record IdentityAccounts(
      @Nullable String appellantPhone, IdentityRecoveries.@Nullable Holder holder) {}
}
