package org.suishen.appeals.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The figures of the appeals service (MISSION X3), under {@code suishen.appeals}.
 *
 * @param textMaxLength the longest appeal text, consultation question/answer and decision reason,
 *     in characters
 * @param nameMaxLength the longest corrected name, in characters
 * @param departmentMaxLength the longest department name on a consultation note
 * @param maxFiles the most evidence files on one appeal
 * @param maxFileSize the largest evidence file
 * @param minimumConsultations consultation notes a reviewer must record before deciding (the
 *     authority "checks with the departments concerned", 004 §06)
 * @param queueSize how many open appeals the reviewers' queue shows at once (oldest first)
 */
@ConfigurationProperties("suishen.appeals")
public record AppealsProperties(
    int textMaxLength,
    int nameMaxLength,
    int departmentMaxLength,
    int maxFiles,
    DataSize maxFileSize,
    int minimumConsultations,
    int queueSize) {}
