package org.suishen.identity.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.suishen.identity.RegisterImports;
import org.suishen.identity.RegisterRejection;
import org.suishen.identity.internal.IdentityProperties;
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CurrentActor;

/**
 * /admin/register: upload a register file, watch its progress (static/js/identity-import.js polls
 * the API), see and download the refused rows.
 */
@Controller
@RequestMapping("/admin/register")
class RegisterImportPage {

  /** A refused row with its message in the page's language. */
  record RejectionLine(long line, String reason, String message, @Nullable String document) {}

  private final RegisterImports imports;
  private final ErrorMessages messages;
  private final int rejectionsShown;

  RegisterImportPage(
      RegisterImports imports, ErrorMessages messages, IdentityProperties properties) {
    this.imports = imports;
    this.messages = messages;
    this.rejectionsShown = properties.registerImport().rejectionsShown();
  }

  @GetMapping
  String page(
      @RequestParam(name = "job", required = false) @Nullable UUID job,
      Locale locale,
      Model model) {
    model.addAttribute("imports", imports.recent(10));
    if (job != null) {
      var selected =
          imports
              .find(job)
              .orElseThrow(() -> SuishenException.notFound("identity.import.not-found"));
      model.addAttribute("job", selected);
      if (selected.failure() != null) {
        model.addAttribute(
            "failureMessage", messages.message(selected.failure(), new Object[0], locale));
      }
      model.addAttribute(
          "rejections",
          imports.rejections(job, rejectionsShown).stream().map(r -> line(r, locale)).toList());
    }
    return "identity/register";
  }

  /** Without JavaScript: an ordinary form post (up to the server's multipart limit). */
  @PostMapping
  String upload(@RequestParam("file") MultipartFile file) throws IOException {
    try (InputStream in = file.getInputStream()) {
      var job =
          imports.start(
              in,
              file.getOriginalFilename() == null ? "register.csv" : file.getOriginalFilename(),
              CurrentActor.get());
      return "redirect:/admin/register?job=" + job.id();
    }
  }

  private RejectionLine line(RegisterRejection r, Locale locale) {
    Object[] arguments = r.detail() == null ? new Object[0] : new Object[] {r.detail()};
    return new RejectionLine(
        r.line(), r.reason(), messages.message(r.reason(), arguments, locale), r.document());
  }
}
