package org.suishen.declaration.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The answer to a new declaration: the declaration and where to read the status that follows from
 * it. The status engine evaluates a declaration just after it is stored (by an event, in its own
 * transaction), so the answer cannot carry the new colour honestly; {@code statusUrl} answers 202
 * until the engine has evaluated this declaration, then the status.
 */
@Schema(description = "The declaration as stored, and the link to its resulting status")
record DeclaredView(
    @JsonUnwrapped DeclarationView declaration,
    @Schema(
            description =
                "GET it until it answers 200 (202 + Retry-After while the engine evaluates the"
                    + " declaration): the status that follows from this declaration",
            example = "/api/me/status?declaredAt=2026-04-02T08:30:00.123456Z")
        String statusUrl,
    @Schema(
            description =
                "A symptom or a fever (from suishen.declaration.fever-from, 37.3 °C) was declared:"
                    + " go to a fever clinic now (advice carries the words)",
            example = "false")
        boolean feverClinicAdvice,
    @Schema(
            description = "The advice in the caller's language, when feverClinicAdvice",
            example = "请立即到就近的发热门诊就诊……")
        @Nullable String advice) {

  static DeclaredView of(DeclarationView declaration, @Nullable String advice) {
    return new DeclaredView(
        declaration,
        UriComponentsBuilder.fromPath("/api/me/status")
            .queryParam("declaredAt", declaration.declaredAt().toString())
            .encode()
            .build()
            .toUriString(),
        advice != null,
        advice);
  }
}
