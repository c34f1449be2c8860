package org.suishen.accounts.internal.devicetoken;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Short-lived signed device tokens (docs/accounts.md, "Device tokens").
 *
 * @param key Base64 of at least 32 random bytes, the HMAC-SHA256 key every node shares; required
 *     outside development
 * @param generateKey development only (demo and test profiles): without a key, one random per start
 *     (tokens then end with the process, and each node would have its own)
 * @param validity how long a token authenticates
 * @param revocationCheck how often a node reads which devices were disabled or given a new secret:
 *     the longest a revoked token still works
 */
@ConfigurationProperties("suishen.accounts.device-tokens")
public record DeviceTokenProperties(
    @Nullable String key,
    @DefaultValue("false") boolean generateKey,
    @DefaultValue("10m") Duration validity,
    @DefaultValue("15s") Duration revocationCheck) {}
