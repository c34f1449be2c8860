package org.suishen.citizen.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.suishen.citizen.internal.OneTimeCodes;

/** The answer after a code was sent: where to (masked), until when it works, when to resend. */
record CodeSentView(
    @Schema(example = "139****5678") String phone, Instant expiresAt, Instant resendAt) {

  static CodeSentView of(OneTimeCodes.SentCode sent) {
    return new CodeSentView(sent.maskedPhone(), sent.expiresAt(), sent.resendAt());
  }
}
