package org.suishen.appeals.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import org.suishen.appeals.internal.EvidenceContent;
import org.suishen.appeals.internal.EvidenceUpload;

/** Evidence files in and out of HTTP. */
final class EvidenceResponses {

  private EvidenceResponses() {}

  /**
   * A stored file, with the type recognised at upload: images inline, PDFs as a download; never
   * cached.
   */
  static ResponseEntity<byte[]> serve(EvidenceContent evidence) {
    var file = evidence.file();
    var disposition =
        (file.type().image() ? ContentDisposition.inline() : ContentDisposition.attachment())
            .filename(file.fileName(), StandardCharsets.UTF_8)
            .build();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.type().contentType()))
        .contentLength(evidence.content().length)
        .cacheControl(CacheControl.noStore().cachePrivate())
        .header("Content-Disposition", disposition.toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(evidence.content());
  }

  /** The uploaded parts; a file input left empty (no name, no bytes) is not a file. */
  static List<EvidenceUpload> uploads(@Nullable List<MultipartFile> files) {
    var uploads = new ArrayList<EvidenceUpload>();
    if (files != null) {
      for (var file : files) {
        String name = file.getOriginalFilename();
        if (file.isEmpty() && (name == null || name.isBlank())) {
          continue;
        }
        uploads.add(new EvidenceUpload(name, file.getSize(), file::getBytes));
      }
    }
    return uploads;
  }
}
