package org.suishen.personsearch.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The person search's figures (MISSION X3), under {@code suishen.person-search}.
 *
 * @param reasonMinLength the shortest reason a searcher may state, in characters (处理申诉 is 4)
 * @param reasonMaxLength the longest
 */
@ConfigurationProperties("suishen.person-search")
public record PersonSearchProperties(
    @DefaultValue("4") int reasonMinLength, @DefaultValue("200") int reasonMaxLength) {}
