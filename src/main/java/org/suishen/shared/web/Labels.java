package org.suishen.shared.web;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Words for the keys pages would otherwise show (issue 11: people see words, not keys): who acted
 * ({@code staff:wang.li} → "工作人员 wang.li", a citizen never by id), the status engine's rules,
 * reasons and sources. Templates call it as {@code ${@labels.actor(x)}}; ids stay where auditors
 * need them (a details line). An unknown key reads as itself, never as an empty cell.
 */
@Component("labels")
public class Labels {

  private final MessageSource messages;

  Labels(MessageSource messages) {
    this.messages = messages;
  }

  /** An actor as the audit trail writes it: {@code kind:id}. */
  public String actor(@Nullable String actor) {
    if (actor == null || actor.isBlank()) {
      return "";
    }
    int colon = actor.indexOf(':');
    String kind = colon < 0 ? actor : actor.substring(0, colon);
    String id = colon < 0 ? "" : actor.substring(colon + 1);
    String word = text("label.actor." + kind, kind);
    // a citizen's account id says nothing to a person and is not for every reader
    return "citizen".equals(kind) || id.isEmpty() ? word : word + " " + id;
  }

  public String rule(@Nullable String rule) {
    return rule == null ? "" : text("label.rule." + rule, rule);
  }

  public String reason(@Nullable String reason) {
    return reason == null ? "" : text("status.reason." + reason, reason);
  }

  /**
   * An audit action ({@code identity.person.read} → "查看人员信息"); the key stays beside it for
   * auditors.
   */
  public String action(@Nullable String action) {
    return action == null ? "" : text("label.action." + action, action);
  }

  public String source(@Nullable String source) {
    return source == null ? "" : text("label.source." + source, source);
  }

  private String text(String key, String fallback) {
    Locale locale = LocaleContextHolder.getLocale();
    return messages.getMessage(key, null, fallback, locale);
  }
}
