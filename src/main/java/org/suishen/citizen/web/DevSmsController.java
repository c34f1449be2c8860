package org.suishen.citizen.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.suishen.citizen.internal.DevSmsOutbox;

/**
 * DEVELOPMENT ONLY: {@code GET /dev/sms} shows the messages the logging SMS adapter "sent", so that
 * a developer can log in without a phone. Exists only with {@code suishen.citizen.sms.adapter=log}
 * and {@code suishen.citizen.sms.dev-outbox=true} (the demo and test profiles); otherwise the path
 * answers 404.
 */
@Controller
@ConditionalOnProperty(name = "suishen.citizen.sms.adapter", havingValue = "log")
@ConditionalOnBooleanProperty("suishen.citizen.sms.dev-outbox")
class DevSmsController {

  private final DevSmsOutbox outbox;

  DevSmsController(DevSmsOutbox outbox) {
    this.outbox = outbox;
  }

  @GetMapping("/dev/sms")
  String outbox(Model model) {
    model.addAttribute("messages", outbox.messages());
    return "citizen/dev-sms";
  }
}
