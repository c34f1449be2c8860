package org.suishen.offlinecode.internal;

/** Where an offline code is applied for (O3): a government kiosk, a bank kiosk, the PC portal. */
public enum Channel {
  KIOSK,
  BANK_KIOSK,
  PORTAL
}
