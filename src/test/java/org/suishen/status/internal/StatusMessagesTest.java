package org.suishen.status.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every status.* code the module can answer with has a message in Chinese and in English. */
class StatusMessagesTest {

  static Properties bundle(String name) throws IOException {
    var properties = new Properties();
    try (InputStream in = StatusMessagesTest.class.getResourceAsStream("/i18n/" + name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  @Test
  void bothLanguagesHaveTheSameKeys() throws IOException {
    assertThat(new TreeSet<>(bundle("status_en.properties").stringPropertyNames()))
        .isEqualTo(new TreeSet<>(bundle("status.properties").stringPropertyNames()));
  }

  @Test
  void everyErrorCodeInTheSourceHasAMessage() throws IOException {
    Pattern code =
        Pattern.compile(
            "\"(status\\.(?:feed|manual|person|paging|region|source|arrival|declared-at)\\.[a-z\\-]+)\"");
    var codes = new TreeSet<String>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/suishen/status"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        var matcher = code.matcher(Files.readString(file));
        while (matcher.find()) {
          codes.add(matcher.group(1));
        }
      }
    }
    codes.removeAll(
        java.util.Set.of(
            "status.feed.applied",
            "status.manual.proposed",
            "status.manual.approved",
            "status.manual.rejected",
            "status.person.read",
            "status.appeal.applied"));
    assertThat(codes).hasSizeGreaterThan(30);
    Properties zh = bundle("status.properties");
    Properties en = bundle("status_en.properties");
    for (String c : codes) {
      assertThat(zh.getProperty("error." + c)).as("zh " + c).isNotBlank();
      assertThat(en.getProperty("error." + c)).as("en " + c).isNotBlank();
    }
  }

  @Test
  void everyConfiguredReasonAndEveryRuleReasonHasAText() throws IOException {
    Properties zh = bundle("status.properties");
    var reasons =
        Stream.concat(
                Stream.of(
                    "no-anomaly",
                    "medical-management.released",
                    "key-region-arrival.observation",
                    "no-recent-test.overdue",
                    "appeal.upheld"),
                Stream.concat(
                    Stream.of(org.suishen.status.internal.policy.OrderKind.values())
                        .map(k -> k.reason()),
                    Stream.of(
                            "data-correction",
                            "close-contact",
                            "order-pending",
                            "released-early",
                            "identity-mix-up")
                        .map(r -> "manual." + r)))
            .toList();
    for (String reason : reasons) {
      assertThat(zh.getProperty("status.reason." + reason)).as(reason).isNotBlank();
    }
  }
}
