package org.suishen.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPatternParser;

class LiteralPrefixHandlerMappingTest {

  private static RequestMappingInfo mapping(String... paths) {
    var options = new RequestMappingInfo.BuilderConfiguration();
    options.setPatternParser(PathPatternParser.defaultInstance);
    return RequestMappingInfo.paths(paths).options(options).build();
  }

  @Test
  void aPatternIsLiteralUpToItsFirstVariableOrWildcard() {
    assertThat(
            LiteralPrefixHandlerMapping.Mapping.literals(
                mapping("/api/sampling/tubes/{barcode}/registrations", "/api/x/*/y", "/api/z")))
        .containsExactlyInAnyOrder("/api/sampling/tubes/", "/api/x/", "/api/z");
  }

  @Test
  void aCatchAllKeepsOnlyItsSlashSoEveryPathIsChecked() {
    assertThat(LiteralPrefixHandlerMapping.Mapping.literals(mapping("/api/a", "/**")))
        .containsExactlyInAnyOrder("/api/a", "/");
    assertThat(LiteralPrefixHandlerMapping.Mapping.literals(mapping("/{page}")))
        .containsExactly("/");
  }
}
