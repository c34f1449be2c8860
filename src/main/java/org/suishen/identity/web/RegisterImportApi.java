package org.suishen.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.suishen.identity.RegisterImportJob;
import org.suishen.identity.RegisterImports;
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.shared.problem.Refusal;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CurrentActor;

/**
 * Population register imports (administrators). Upload as {@code multipart/form-data} (part {@code
 * file}, up to the server's multipart limit) or, for files of any size up to {@code
 * suishen.identity.register-import.max-file-size}, as the raw request body ({@code text/csv}, the
 * name in {@code ?fileName=}). Answers 202 with the job; poll it for progress.
 */
@RestController
@RequestMapping(ImportJobView.BASE)
@Tag(name = "Population register", description = "Imports of the population register (H1)")
class RegisterImportApi {

  private final RegisterImports imports;
  private final ErrorMessages messages;

  RegisterImportApi(RegisterImports imports, ErrorMessages messages) {
    this.imports = imports;
    this.messages = messages;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Import a register file (multipart)",
      description =
          "Part file: the register CSV. Answers 202 with the job at once; rows are checked and"
              + " merged in the background: poll the job for progress and refused rows. Audited.")
  @Refusal(status = 413, code = "request.too-large")
  ResponseEntity<ImportJobView> upload(@RequestParam("file") MultipartFile file)
      throws IOException {
    try (InputStream in = file.getInputStream()) {
      return accepted(imports.start(in, nameOf(file.getOriginalFilename()), CurrentActor.get()));
    }
  }

  @PostMapping(consumes = {"text/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE})
  @Operation(
      summary = "Import a register file (raw body)",
      description =
          "The CSV as the request body, for files beyond the multipart limit (up to"
              + " suishen.identity.register-import.max-file-size); the name in fileName. Answers"
              + " 202 with the job. Audited.")
  @Refusal(status = 413, code = "request.too-large")
  ResponseEntity<ImportJobView> uploadBody(
      @RequestParam(name = "fileName", defaultValue = "register.csv") String fileName,
      HttpServletRequest request)
      throws IOException {
    try (InputStream in = request.getInputStream()) {
      return accepted(imports.start(in, fileName, CurrentActor.get()));
    }
  }

  @GetMapping
  @Operation(summary = "The latest imports", description = "The 20 latest, newest first.")
  List<ImportJobView> recent() {
    return imports.recent(20).stream().map(job -> ImportJobView.of(job, messages)).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "One import with its progress")
  @Refusal(status = 404, code = "identity.import.not-found")
  ImportJobView one(@PathVariable UUID id) {
    return ImportJobView.of(job(id), messages);
  }

  /** Every refused row as CSV: line, reason code, detail, masked document, messages. */
  @GetMapping("/{id}/rejections")
  @Operation(
      summary = "An import's refused rows as CSV",
      description = "Line, reason code, detail, masked document number, messages.")
  @Refusal(status = 404, code = "identity.import.not-found")
  void rejections(@PathVariable UUID id, HttpServletResponse response) throws IOException {
    job(id);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"register-import-" + id + "-rejections.csv\"");
    imports.writeRejections(id, response.getOutputStream());
  }

  private RegisterImportJob job(UUID id) {
    return imports
        .find(id)
        .orElseThrow(() -> SuishenException.notFound("identity.import.not-found"));
  }

  private ResponseEntity<ImportJobView> accepted(RegisterImportJob job) {
    return ResponseEntity.accepted()
        .location(URI.create(ImportJobView.BASE + "/" + job.id()))
        .body(ImportJobView.of(job, messages));
  }

  private static String nameOf(String original) {
    return original == null ? "register.csv" : original;
  }
}
