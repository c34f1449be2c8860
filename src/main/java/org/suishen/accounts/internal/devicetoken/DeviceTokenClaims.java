package org.suishen.accounts.internal.devicetoken;

import java.time.Instant;
import java.util.UUID;
import org.suishen.shared.security.Role;

/**
 * What a device token says: which device account, with which role and credentials version, from
 * when until when. No personal data: a device id and a role.
 */
public record DeviceTokenClaims(
    UUID accountId,
    String login,
    Role role,
    int credentialsVersion,
    Instant issuedAt,
    Instant expiresAt) {}
