package org.suishen.offlinecode.web;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.suishen.dependants.Binding;
import org.suishen.dependants.Dependants;
import org.suishen.identity.PopulationRegister;
import org.suishen.offlinecode.internal.check.PaperChecks;
import org.suishen.offlinecode.internal.kiosk.KioskSessions;
import org.suishen.shared.security.CurrentActor;

/**
 * The offline code's pages: the kiosk's touch screen ({@code /kiosk}), the staff check ({@code
 * /scan/offline-code}) and the portal ({@code /me/offline-code}). Each drives the JSON API, so a
 * page and a terminal see the same answers and refusals.
 */
@Controller
class OfflineCodePages {

  private final KioskSessions sessions;
  private final PaperChecks checks;
  private final Dependants dependants;
  private final PopulationRegister register;

  OfflineCodePages(
      KioskSessions sessions,
      PaperChecks checks,
      Dependants dependants,
      PopulationRegister register) {
    this.sessions = sessions;
    this.checks = checks;
    this.dependants = dependants;
    this.register = register;
  }

  @GetMapping("/kiosk")
  String kiosk(Model model) {
    model.addAttribute("idleSeconds", sessions.properties().idleTimeout().toSeconds());
    model.addAttribute("bank", KioskDevice.current().channel().name().equals("BANK_KIOSK"));
    model.addAttribute("documentTypes", org.suishen.identity.DocumentType.values());
    return "offlinecode/kiosk";
  }

  @GetMapping("/scan/offline-code")
  String check(Model model) {
    model.addAttribute("recentHours", checks.properties().recentNegative().toHours());
    return "offlinecode/check";
  }

  /** Whom the citizen may apply for: themself, and every dependant bound to them now. */
  record ForWhom(String id, String maskedName) {}

  @GetMapping("/me/offline-code")
  String mine(Model model) {
    UUID self = CurrentActor.requireCitizen().personId();
    List<ForWhom> relatives =
        self == null
            ? List.of()
            : dependants.of(self).stream()
                .filter(Binding::bound)
                .flatMap(b -> register.find(b.dependant()).stream())
                .map(p -> new ForWhom(p.id().toString(), p.maskedName()))
                .toList();
    model.addAttribute("registered", self != null);
    model.addAttribute("relatives", relatives);
    return "offlinecode/mine";
  }
}
