package org.suishen.sampling.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.suishen.sampling.internal.Custody;
import org.suishen.sampling.internal.LabResults;
import org.suishen.sampling.internal.Labs;
import org.suishen.sampling.internal.PersonResults;
import org.suishen.sampling.internal.Recalls;
import org.suishen.sampling.internal.ResultReport;
import org.suishen.sampling.internal.RoundDashboard;
import org.suishen.sampling.internal.SamplingReads;
import org.suishen.shared.problem.ErrorMessages;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CurrentActor;

/**
 * The pages of a testing round other than the sampling table: the lab's receive-and-upload page,
 * the person's result page, and the authority's round dashboard with the recall lists. Forms that
 * work without JavaScript; a refusal comes back as its message on the page, nothing lost.
 */
@Controller
class SamplingPages {

  private final Labs labs;
  private final Custody custody;
  private final LabResults results;
  private final PersonResults personResults;
  private final RoundDashboard dashboard;
  private final Recalls recalls;
  private final SamplingReads reads;
  private final ErrorMessages messages;
  private final Clock clock;

  SamplingPages(
      Labs labs,
      Custody custody,
      LabResults results,
      PersonResults personResults,
      RoundDashboard dashboard,
      Recalls recalls,
      SamplingReads reads,
      ErrorMessages messages,
      Clock clock) {
    this.labs = labs;
    this.custody = custody;
    this.results = results;
    this.personResults = personResults;
    this.dashboard = dashboard;
    this.recalls = recalls;
    this.reads = reads;
    this.messages = messages;
    this.clock = clock;
  }

  // ---- the lab ----

  @GetMapping("/lab")
  String lab(Model model, Locale locale) {
    try {
      model.addAttribute("lab", labs.labOf(CurrentActor.get()));
    } catch (SuishenException e) {
      model.addAttribute("notAssigned", messages.message(e.code(), e.arguments(), locale));
    }
    model.addAttribute("zone", clock.getZone());
    return "sampling/lab";
  }

  @PostMapping("/lab/receipt")
  String receive(
      @RequestParam(required = false) @Nullable String boxBarcode,
      @RequestParam(required = false) @Nullable String tubeBarcodes,
      @RequestParam(required = false) @Nullable String damagedTubeBarcodes,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      var receipt =
          custody.receive(
              boxBarcode == null ? "" : boxBarcode.strip(),
              barcodes(tubeBarcodes),
              barcodes(damagedTubeBarcodes),
              CurrentActor.get());
      // plain values in the flash (it lives in the session)
      redirect.addFlashAttribute(
          "receipt",
          new java.util.LinkedHashMap<String, Object>(
              java.util.Map.of(
                  "boxBarcode", receipt.boxBarcode(),
                  "received", new java.util.ArrayList<>(receipt.tubeBarcodes()),
                  "missing", new java.util.ArrayList<>(receipt.missingTubeBarcodes()),
                  "extra", new java.util.ArrayList<>(receipt.extraTubeBarcodes()),
                  "damaged", new java.util.ArrayList<>(receipt.damagedTubeBarcodes()))));
    } catch (SuishenException e) {
      refused(e, locale, redirect);
      redirect.addFlashAttribute("boxBarcode", boxBarcode);
      redirect.addFlashAttribute("tubeBarcodes", tubeBarcodes);
    }
    return "redirect:/lab";
  }

  @PostMapping("/lab/results")
  String upload(
      @RequestParam(required = false) @Nullable MultipartFile file,
      @RequestParam(required = false) @Nullable String rows,
      Locale locale,
      RedirectAttributes redirect)
      throws IOException {
    try {
      ResultReport report;
      if (file != null && !file.isEmpty()) {
        try (InputStream body = file.getInputStream()) {
          report = results.recordCsv(body, CurrentActor.get());
        }
      } else {
        String typed = "tubeBarcode,result\n" + (rows == null ? "" : rows.strip());
        report =
            results.recordCsv(
                new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
                CurrentActor.get());
      }
      redirect.addFlashAttribute(
          "report",
          new int[] {report.rows(), report.accepted(), report.unchanged(), report.people()});
      redirect.addFlashAttribute(
          "rejections",
          report.rejected().stream()
              .map(
                  r ->
                      new String[] {
                        String.valueOf(r.line()),
                        r.tubeBarcode(),
                        messages.message(r.code(), r.arguments().toArray(), locale)
                      })
              .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new)));
    } catch (SuishenException e) {
      refused(e, locale, redirect);
      redirect.addFlashAttribute("rows", rows);
    }
    return "redirect:/lab";
  }

  // ---- the person ----

  @GetMapping("/me/results")
  String mine(Model model) {
    var citizen = CurrentActor.requireCitizen();
    model.addAttribute("zone", clock.getZone());
    model.addAttribute(
        "people",
        citizen.personId() == null ? List.of() : personResults.forFamily(citizen.personId()));
    model.addAttribute("registered", citizen.personId() != null);
    return "sampling/results";
  }

  // ---- the authority ----

  @GetMapping("/authority/sampling")
  String round(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate day,
      @RequestParam(required = false) @Nullable String community,
      Model model,
      Locale locale) {
    LocalDate shown = day == null ? LocalDate.now(clock) : day;
    model.addAttribute("day", dashboard.of(shown));
    model.addAttribute("communities", recalls.openPerCommunity());
    model.addAttribute("zone", clock.getZone());
    if (community != null && !community.isBlank()) {
      model.addAttribute("community", community);
      model.addAttribute("recalled", reads.recallList(community, CurrentActor.get()));
    }
    return "sampling/round";
  }

  private void refused(SuishenException e, Locale locale, RedirectAttributes redirect) {
    redirect.addFlashAttribute("errorCode", e.code());
    redirect.addFlashAttribute("errorMessage", messages.message(e.code(), e.arguments(), locale));
  }

  /** Barcodes as a scanner types them: one per line, or separated by spaces or commas. */
  static List<String> barcodes(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
  }
}
