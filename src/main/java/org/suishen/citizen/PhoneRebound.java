package org.suishen.citizen;

import java.time.Instant;
import java.util.UUID;

/**
 * A registered person bound a new mobile number to their account; the old number no longer logs in
 * to it (MISSION H8). Carries no phone numbers.
 */
public record PhoneRebound(UUID personId, Instant at) {}
