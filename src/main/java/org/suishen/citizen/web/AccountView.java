package org.suishen.citizen.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.suishen.citizen.internal.CitizenAccount;
import org.suishen.identity.Person;
import org.suishen.shared.masking.Masking;

/**
 * What {@code GET /api/me} and the pages show of an account: everything masked, even to the owner,
 * because phones get looked at over shoulders.
 */
record AccountView(
    UUID accountId,
    @Schema(example = "139****5678") String phone,
    @Schema(example = "true") boolean registered,
    @Schema(example = "刘*轩") @Nullable String name,
    @Schema(example = "RESIDENT_ID") @Nullable String documentType,
    @Schema(example = "3101**********0035") @Nullable String documentNumber) {

  static AccountView of(CitizenAccount account, @Nullable Person person) {
    return new AccountView(
        account.id(),
        Masking.phone(account.phone()),
        account.registered(),
        person == null ? null : person.maskedName(),
        person == null ? null : person.document().type().name(),
        person == null ? null : person.maskedDocumentNumber());
  }
}
