package org.suishen.status;

import org.jspecify.annotations.Nullable;

/**
 * What a person is told about their colour, in their language (issue 11: a colour always comes with
 * its reason and the next step): why, since and until when if known, what to do next. For a green
 * code without anything to do only the reason is set.
 *
 * @param reason why the code has this colour, e.g. "重点地区来沪未满观察期，建议观察"
 * @param period "自 2026-03-01 10:00 起，预计至 2026-03-08 00:00" in the city's time, when known
 * @param nextStep what to do now (yellow and red), e.g. where to get tested; {@code null} for green
 */
public record StatusExplanation(
    String reason, @Nullable String period, @Nullable String nextStep) {}
