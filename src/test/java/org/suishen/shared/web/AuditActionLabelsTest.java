package org.suishen.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every audit action the code records has a label in both languages (issue 11: people see words,
 * not keys). The actions are read from the main sources: the arguments of every {@code
 * AuditEvent(...)}, {@code AuditEvent.of(...)} and {@code audit.record(...)} call, literal or
 * through a constant, so a new action without a label fails here, not on an auditor's screen.
 */
class AuditActionLabelsTest {

  private static final Pattern CALL =
      Pattern.compile("(AuditEvent(\\.of)?|audit\\w*\\.record|trail\\.record)\\(");
  private static final Pattern CONSTANT =
      Pattern.compile("static final String ([A-Z_]+) =\\s*\"([a-z]+(\\.[a-z-]+)+)\"");
  private static final Pattern LITERAL = Pattern.compile("\"([a-z]+(\\.[a-z-]+)+)\"");
  private static final Pattern NAME = Pattern.compile("\\b([A-Z][A-Z_]+)\\b");

  @Test
  void everyRecordedActionHasAChineseAndAnEnglishLabel() throws IOException {
    Set<String> actions = recordedActions();
    // the scan finds what it must: one action of each way of recording
    assertThat(actions)
        .contains(
            "identity.person.name-corrected", // a literal in AuditEvent.of
            "identity.register.imported", // a constant
            "natcode.viewed", // through the proxy audit
            "appeals.appeal.upheld", // one side of a conditional
            "dependants.evidence.read"); // a constant of another class
    for (String bundle : List.of("messages.properties", "messages_en.properties")) {
      Properties labels = load(bundle);
      Set<String> missing = new TreeSet<>();
      for (String action : actions) {
        if (!labels.containsKey("label.action." + action)) {
          missing.add(action);
        }
      }
      assertThat(missing).as("audit actions without label.action.* in " + bundle).isEmpty();
    }
  }

  private static Set<String> recordedActions() throws IOException {
    List<String> sources = new java.util.ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        sources.add(Files.readString(file));
      }
    }
    Map<String, Set<String>> constants = new HashMap<>();
    for (String source : sources) {
      Matcher constant = CONSTANT.matcher(source);
      while (constant.find()) {
        constants.computeIfAbsent(constant.group(1), k -> new HashSet<>()).add(constant.group(2));
      }
    }
    Set<String> actions = new TreeSet<>();
    for (String source : sources) {
      Matcher call = CALL.matcher(source);
      while (call.find()) {
        String arguments = arguments(source, call.end());
        Matcher literal = LITERAL.matcher(arguments);
        while (literal.find()) {
          actions.add(literal.group(1));
        }
        Matcher name = NAME.matcher(arguments);
        while (name.find()) {
          actions.addAll(constants.getOrDefault(name.group(1), Set.of()));
        }
      }
    }
    // the trail's own words for what it is handed, not actions
    actions.removeIf(a -> a.startsWith("suishen.") || a.startsWith("org."));
    return actions;
  }

  /** The text up to the call's closing parenthesis. */
  private static String arguments(String source, int from) {
    int depth = 0;
    for (int i = from; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (depth == 0) {
          return source.substring(from, i);
        }
        depth--;
      }
    }
    return source.substring(from);
  }

  private static Properties load(String bundle) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = AuditActionLabelsTest.class.getResourceAsStream("/" + bundle)) {
      assertThat(in).as(bundle).isNotNull();
      properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
