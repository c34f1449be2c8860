package org.suishen.healthcode.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.healthcode.internal.scan.ScanLog;
import org.suishen.shared.security.CurrentActor;

@RestController
@Tag(name = "Audit")
class AuditScansController {

  private final ScanLog log;
  private final AuditTrail audit;

  AuditScansController(ScanLog log, AuditTrail audit) {
    this.log = log;
    this.audit = audit;
  }

  @GetMapping("/api/audit/scans")
  @Operation(
      summary = "Scans of a person's code, newest first",
      description =
          "For auditors: who scanned the person's code (the scan log is the access log of those"
              + " reads). Page with before=<scannedAt of the last entry>. This read is itself"
              + " recorded in the audit trail.")
  List<ScanLog.Entry> scans(
      @Parameter(description = "The person's id") @RequestParam UUID person,
      @Parameter(description = "The scannedAt of the previous page's last entry")
          @RequestParam(required = false)
          @Nullable Instant before,
      @Parameter(description = "Entries per page, 1 to 1000", example = "100")
          @RequestParam(defaultValue = "100")
          int limit) {
    audit.record(
        AuditEvent.of(CurrentActor.get(), "healthcode.scans.read", person, "audit of code scans"));
    return log.forPerson(person, before, Math.clamp(limit, 1, 1000));
  }
}
