package org.suishen.shared.web;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page gets the city's time zone as {@code zone} (issue 11: every time in the city's time,
 * formatted by the server): templates write {@code #temporals.format(t.atZone(zone), ...)}, never
 * an instant in the server's own zone (UTC on a data-centre host).
 */
@ControllerAdvice(annotations = Controller.class)
class CityZoneModel {

  private final ZoneId zone;

  CityZoneModel(Clock clock) {
    this.zone = clock.getZone();
  }

  @ModelAttribute("zone")
  ZoneId zone() {
    return zone;
  }
}
