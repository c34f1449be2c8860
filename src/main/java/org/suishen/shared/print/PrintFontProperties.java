package org.suishen.shared.print;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which TrueType faces printed sheets embed (docs: README, "Configuration").
 *
 * @param regular a TrueType file with Chinese glyphs for body text; empty: the bundled Noto Sans SC
 * @param bold its bold face; empty: the bundled Noto Sans SC Bold
 */
@ConfigurationProperties("suishen.print.fonts")
public record PrintFontProperties(
    @DefaultValue("") String regular, @DefaultValue("") String bold) {}
