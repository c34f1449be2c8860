package org.suishen.appeals.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * A reviewer's note of a consultation with a department concerned: what was asked, what was
 * answered, when; kept with the appeal, never shown to the person.
 */
@Schema(description = "A consultation note, kept with the appeal, never shown to the person")
public record Consultation(
    UUID id,
    UUID appealId,
    @Schema(example = "徐汇区疾控中心") String department,
    @Schema(example = "该人员 3 月 20 日的隔离是否已解除？") String question,
    @Schema(example = "已于 3 月 27 日解除隔离，解除通知书编号 XH-0327-118。") String answer,
    Instant consultedAt,
    @Schema(description = "The reviewer who recorded it", example = "staff:wang.li")
        String recordedBy,
    Instant recordedAt) {}
