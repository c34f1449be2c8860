package org.suishen.healthcode.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.healthcode.internal.code.JdbcCodeSubjects;

@RestController
@Tag(name = "Public keys")
class RevocationsController {

  private static final int PAGE = 1000;
  private final JdbcCodeSubjects subjects;

  RevocationsController(JdbcCodeSubjects subjects) {
    this.subjects = subjects;
  }

  @GetMapping("/api/revocations/subjects")
  @Operation(
      summary = "Withdrawn person references, for offline verifiers",
      description =
          "Oldest first, at most 1000 per page; ask again with since=<revokedAt of the last entry>."
              + " A reference is the opaque 16-byte value in the token (base64url).")
  ResponseEntity<Page> revoked(@RequestParam(required = false) @Nullable Instant since) {
    List<Entry> entries =
        subjects.revokedSince(since == null ? Instant.EPOCH : since, PAGE).stream()
            .map(r -> new Entry(base64Url(r.personRef()), r.revokedAt()))
            .toList();
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
        .body(new Page(entries, entries.size() == PAGE));
  }

  private static String base64Url(UUID ref) {
    var bytes =
        ByteBuffer.allocate(16)
            .putLong(ref.getMostSignificantBits())
            .putLong(ref.getLeastSignificantBits())
            .array();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Schema(name = "RevokedSubjects", description = "Withdrawn person references, oldest first")
  record Page(
      List<Entry> revoked,
      @Schema(description = "Whether a further page follows", example = "false") boolean more) {}

  @Schema(name = "RevokedSubject", description = "A withdrawn person reference")
  record Entry(
      @Schema(description = "The 16-byte reference, base64url", example = "q83vEjRWeJCrze8SNFZ4kA")
          String ref,
      Instant revokedAt) {}
}
