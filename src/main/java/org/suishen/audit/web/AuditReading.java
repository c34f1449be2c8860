package org.suishen.audit.web;

import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.suishen.audit.AnchoredHead;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.audit.internal.AnchorCheck;
import org.suishen.audit.internal.AuditChainVerifier;
import org.suishen.audit.internal.AuditPage;
import org.suishen.audit.internal.AuditProperties;
import org.suishen.audit.internal.AuditQuery;
import org.suishen.audit.internal.AuditSearch;
import org.suishen.audit.internal.ChainCheckpoint;
import org.suishen.audit.internal.ChainCheckpoints;
import org.suishen.audit.internal.ChainReport;
import org.suishen.shared.problem.SuishenException;
import org.suishen.shared.security.CurrentActor;

/**
 * What the API and the page share: searching and verifying, each itself recorded in the audit trail
 * (reading the trail is reading people's data).
 */
@Component
class AuditReading {

  private final AuditSearch search;
  private final AuditChainVerifier verifier;
  private final AuditTrail trail;
  private final ChainCheckpoints checkpoints;
  private final AnchorCheck anchorCheck;
  private final AuditProperties properties;
  private final Clock clock;

  AuditReading(
      AuditSearch search,
      AuditChainVerifier verifier,
      AuditTrail trail,
      ChainCheckpoints checkpoints,
      AnchorCheck anchorCheck,
      AuditProperties properties,
      Clock clock) {
    this.search = search;
    this.verifier = verifier;
    this.trail = trail;
    this.checkpoints = checkpoints;
    this.anchorCheck = anchorCheck;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * The entry a person's data tracker refers to, for an auditor following it up; the read is itself
   * audited (it names whose data it is).
   */
  AuditEntryView entry(long id) {
    var entry = search.byId(id).orElseThrow(() -> SuishenException.notFound("audit.entry.unknown"));
    trail.record(
        new AuditEvent(
            CurrentActor.get(),
            "audit.entry.read",
            entry.subject(),
            "auditor followed an entry up",
            "entry=" + id));
    return AuditEntryView.of(entry);
  }

  /** A page of checkpoints (or only the anchored ones), newest first. */
  CheckpointPage checkpoints(@Nullable String page, boolean anchoredOnly) {
    Long before = null;
    if (page != null && !page.isBlank()) {
      try {
        before = Long.parseLong(page.strip());
      } catch (NumberFormatException e) {
        throw SuishenException.badInput("audit.search.page-invalid");
      }
      if (before <= 0) {
        throw SuishenException.badInput("audit.search.page-invalid");
      }
    }
    int size = properties.pageSize();
    List<ChainCheckpoint> rows = checkpoints.list(before, anchoredOnly, size + 1);
    String next = null;
    if (rows.size() > size) {
      rows = rows.subList(0, size);
      next = Long.toString(rows.getLast().id());
    }
    return new CheckpointPage(rows.stream().map(CheckpointView::of).toList(), next);
  }

  /** The newest checkpoint of the scheduled verification, if any. */
  @Nullable CheckpointView latestCheckpoint() {
    return checkpoints.latest().map(CheckpointView::of).orElse(null);
  }

  /** Compares an anchored head line with the chain in the database (recorded in the trail). */
  AnchorCheck.Result checkAnchor(@Nullable String line) {
    AnchoredHead head = AnchoredHead.parse(line);
    if (head == null) {
      throw SuishenException.badInput("audit.anchor.line-invalid");
    }
    AnchorCheck.Result result = anchorCheck.check(head);
    trail.record(
        new AuditEvent(
            CurrentActor.get(),
            "audit.anchor.checked",
            null,
            "audit chain anchor check",
            "seq=" + result.seq() + " outcome=" + result.outcome()));
    return result;
  }

  record CheckpointPage(
      List<CheckpointView> checkpoints,
      @io.swagger.v3.oas.annotations.media.Schema(example = "4127") @Nullable String next) {}

  AuditQuery parse(
      @Nullable String subject,
      @Nullable String actor,
      @Nullable String action,
      @Nullable String from,
      @Nullable String to,
      @Nullable String page) {
    return AuditQuery.parse(subject, actor, action, from, to, page, clock.getZone());
  }

  AuditPage search(AuditQuery query) {
    AuditPage page = search.search(query);
    trail.record(
        new AuditEvent(
            CurrentActor.get(),
            "audit.events.searched",
            query.subject(),
            "audit trail search",
            describe(query, page)));
    return page;
  }

  ChainReport verify(@Nullable Long from, @Nullable Long to) {
    ChainReport report = verifier.verify(from == null ? 1 : from, to);
    trail.record(
        new AuditEvent(
            CurrentActor.get(),
            "audit.chain.verified",
            null,
            "audit chain verification",
            "from="
                + report.fromSeq()
                + " to="
                + report.toSeq()
                + " intact="
                + report.intact()
                + (report.broken() == null ? "" : " broken=" + report.broken().seq())));
    return report;
  }

  private static String describe(AuditQuery query, AuditPage page) {
    var detail = new StringBuilder();
    if (query.actor() != null) {
      detail.append("actor=").append(query.actor()).append(' ');
    }
    if (query.action() != null) {
      detail.append("action=").append(query.action()).append(' ');
    }
    if (query.from() != null) {
      detail.append("from=").append(query.from()).append(' ');
    }
    if (query.to() != null) {
      detail.append("to=").append(query.to()).append(' ');
    }
    if (query.before() != null) {
      detail.append("page=").append(query.before()).append(' ');
    }
    detail.append("results=").append(page.entries().size());
    return detail.toString();
  }
}
