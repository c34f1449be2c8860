package org.suishen.sampling.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.suishen.sampling.SamplingSetup;
import org.suishen.shared.security.Actor;

/** {@link SamplingSetup} through the same rules as the API (and its audit). */
@Component
class SamplingProvisioning implements SamplingSetup {

  private final SamplingSites sites;
  private final Labs labs;

  SamplingProvisioning(SamplingSites sites, Labs labs) {
    this.sites = sites;
    this.labs = labs;
  }

  @Override
  @Transactional
  public void ensureSite(
      String code,
      String name,
      String address,
      String district,
      String street,
      String community,
      List<String> samplersAndTerminals,
      Actor actor) {
    if (sites.find(code).isEmpty()) {
      sites.open(
          new SamplingSites.NewSite(code, name, address, district, street, community), actor);
    }
    samplersAndTerminals.forEach(login -> sites.assign(code, login, actor));
  }

  @Override
  @Transactional
  public void ensureLab(String code, String name, List<String> labStaff, Actor actor) {
    if (labs.all().stream().noneMatch(l -> l.code().equals(code))) {
      labs.open(code, name, actor);
    }
    labStaff.forEach(login -> labs.assign(code, login, actor));
  }
}
