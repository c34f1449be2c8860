package org.suishen.datatracker.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of the data tracker: a read of the person's (or a dependant's) data by someone else, or
 * the scans of their code by one scanner at one place on one day.
 */
@Schema(
    description =
        "A read of your data (or a bound dependant's) by staff, a device or the authority")
public record DataRead(
    @Schema(
            description =
                "read: an entry of the audit trail; scan: scans of a code at a door or desk",
            example = "read",
            allowableValues = {"read", "scan"})
        String kind,
    @Schema(
            description = "When (a scan line: the last scan of the day)",
            example = "2026-03-01T09:30:00Z")
        Instant at,
    @Schema(
            description = "A scan line: the first scan of the day",
            example = "2026-03-01T08:05:00Z")
        @Nullable Instant firstAt,
    @Schema(description = "How many reads the line stands for (scans of one day)", example = "1")
        long count,
    @Schema(
            description = "staff or device",
            example = "staff",
            allowableValues = {"staff", "device"})
        String readerKind,
    @Schema(description = "The reader's role (never a staff member's name)", example = "卫生健康部门")
        String reader,
    @Schema(description = "The device's id, for a device", example = "gate-xh-007")
        @Nullable String device,
    @Schema(description = "Where: the device's place or the scan's location", example = "徐汇区图书馆 东门")
        @Nullable String place,
    @Schema(description = "What was read", example = "查看了健康状态") String what,
    @Schema(description = "The recorded action (stable code)", example = "status.person.read")
        String action,
    @Schema(
            description = "The stated purpose or legal basis as recorded",
            example = "health authority saw the person of a pending manual change")
        @Nullable String purpose,
    @Schema(
            description = "Whose data, when a bound dependant's (masked); absent for your own",
            example = "刘*轩")
        @Nullable String dependant,
    @Schema(
            description =
                "The audit entry's id: the reference an auditor follows (GET"
                    + " /api/audit/events/{id}); absent for scan lines (the scan log)",
            example = "981274")
        @Nullable Long auditEntryId) {}
