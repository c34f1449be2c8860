package org.suishen.audit.web;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.suishen.audit.AuditEvent;
import org.suishen.audit.AuditTrail;
import org.suishen.audit.internal.AuditChainVerifier;
import org.suishen.audit.internal.AuditPage;
import org.suishen.audit.internal.AuditQuery;
import org.suishen.audit.internal.AuditSearch;
import org.suishen.audit.internal.ChainReport;
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
  private final Clock clock;

  AuditReading(AuditSearch search, AuditChainVerifier verifier, AuditTrail trail, Clock clock) {
    this.search = search;
    this.verifier = verifier;
    this.trail = trail;
    this.clock = clock;
  }

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
