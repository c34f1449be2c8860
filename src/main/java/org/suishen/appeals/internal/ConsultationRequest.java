package org.suishen.appeals.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A note of a consultation as the reviewer sent it, unchecked.
 *
 * @param department the department consulted, e.g. 区疾控中心, 派出所 (or the appellant)
 * @param consultedAt when the consultation took place; now if absent
 */
@Schema(description = "A note of a consultation with a department concerned")
public record ConsultationRequest(
    @Schema(description = "The department consulted", example = "徐汇区疾控中心")
        @Nullable String department,
    @Schema(description = "What was asked", example = "该人员 3 月 20 日的隔离是否已解除？")
        @Nullable String question,
    @Schema(description = "What was answered", example = "已于 3 月 27 日解除隔离，解除通知书编号 XH-0327-118。")
        @Nullable String answer,
    @Schema(description = "When it took place; absent: now", example = "2026-04-02T03:15:00Z")
        @Nullable Instant consultedAt) {}
