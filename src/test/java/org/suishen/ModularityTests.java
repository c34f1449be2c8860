package org.suishen;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The bounded contexts only talk through their published APIs and events. */
class ModularityTests {

  private final ApplicationModules modules = ApplicationModules.of(SuishenApplication.class);

  @Test
  void boundariesAreRespected() {
    modules.verify();
  }

  @Test
  void documentsTheModules() {
    new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
