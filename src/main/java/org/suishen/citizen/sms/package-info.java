/**
 * Sending text messages (one-time codes) to mobile phones: the {@link SmsSender} port. The adapter
 * is chosen with {@code suishen.citizen.sms.adapter} ({@code log} for development, {@code webhook}
 * for a real SMS gateway).
 */
@org.springframework.modulith.NamedInterface("sms")
@org.jspecify.annotations.NullMarked
package org.suishen.citizen.sms;
