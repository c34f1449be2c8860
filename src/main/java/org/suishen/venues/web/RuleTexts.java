package org.suishen.venues.web;

import java.util.stream.Collectors;
import org.suishen.status.Colour;
import org.suishen.venues.internal.rule.EffectiveRule;

/** A door's rule in a few words, as its screen and poster show it. */
final class RuleTexts {

  private RuleTexts() {}

  static String zh(EffectiveRule rule) {
    String colours =
        rule.admittedColours().stream()
            .sorted()
            .map(RuleTexts::colourZh)
            .collect(Collectors.joining("/"));
    StringBuilder text = new StringBuilder(colours);
    Integer negative = rule.negativeWithinHours();
    Integer sampled = rule.sampledWithinHours();
    if (negative != null && sampled != null) {
      text.append(" + ").append(negative).append(" 小时核酸阴性或 ").append(sampled).append(" 小时内采样");
    } else if (negative != null) {
      text.append(" + ").append(negative).append(" 小时核酸阴性");
    } else if (sampled != null) {
      text.append(" + ").append(sampled).append(" 小时内采样");
    }
    return text.append("，体温 ≤ ").append(rule.maxTemperature()).append(" °C").toString();
  }

  static String en(EffectiveRule rule) {
    String colours =
        rule.admittedColours().stream()
            .sorted()
            .map(c -> c.name().toLowerCase(java.util.Locale.ROOT))
            .collect(Collectors.joining("/"));
    StringBuilder text = new StringBuilder(colours).append(" code");
    Integer negative = rule.negativeWithinHours();
    Integer sampled = rule.sampledWithinHours();
    if (negative != null && sampled != null) {
      text.append(", negative within ")
          .append(negative)
          .append(" h or sampled within ")
          .append(sampled)
          .append(" h");
    } else if (negative != null) {
      text.append(", negative within ").append(negative).append(" h");
    } else if (sampled != null) {
      text.append(", sampled within ").append(sampled).append(" h");
    }
    return text.append(", temperature ≤ ").append(rule.maxTemperature()).append(" °C").toString();
  }

  private static String colourZh(Colour colour) {
    return switch (colour) {
      case GREEN -> "绿码";
      case YELLOW -> "黄码";
      case RED -> "红码";
    };
  }
}
