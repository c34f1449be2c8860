package org.suishen.offlinecode.internal.check;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The staff check's figures, under {@code suishen.offline-code.check}.
 *
 * @param recentNegative a negative result sampled within this long counts as recent (O11: venues
 *     that require "a negative result within 48 h" still require it of a paper-code holder)
 */
@ConfigurationProperties("suishen.offline-code.check")
public record PaperCheckProperties(@DefaultValue("48h") Duration recentNegative) {}
