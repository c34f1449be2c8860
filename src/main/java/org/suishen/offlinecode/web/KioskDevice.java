package org.suishen.offlinecode.web;

import org.springframework.security.core.context.SecurityContextHolder;
import org.suishen.offlinecode.internal.Channel;
import org.suishen.shared.security.CurrentActor;
import org.suishen.shared.security.Role;

/** The kiosk behind the request: its device account and its channel (government or bank). */
record KioskDevice(String login, Channel channel) {

  static KioskDevice current() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null) {
      throw new org.suishen.shared.problem.SuishenException(
          "auth.required", org.springframework.http.HttpStatus.UNAUTHORIZED);
    }
    boolean bank = CurrentActor.holds(Role.BANK_KIOSK);
    return new KioskDevice(authentication.getName(), bank ? Channel.BANK_KIOSK : Channel.KIOSK);
  }
}
