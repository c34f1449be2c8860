package org.suishen.audit.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.suishen.audit.AnchoredHead;
import org.suishen.audit.AuditAnchor;

/**
 * The log anchor ({@code suishen.audit.anchor.adapter: log}): writes the head's line to the logger
 * {@code org.suishen.audit.anchor} at INFO, for a deployment whose log shipping already ends in a
 * store the database's operators cannot rewrite.
 */
@Component
@ConditionalOnProperty(prefix = "suishen.audit.anchor", name = "adapter", havingValue = "log")
class LogAuditAnchor implements AuditAnchor {

  static final String LOGGER = "org.suishen.audit.anchor";

  private static final Logger log = LoggerFactory.getLogger(LOGGER);

  @Override
  public String publish(AnchoredHead head) {
    log.info("{}", head.line());
    return "log:" + LOGGER;
  }
}
