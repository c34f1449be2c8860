package org.suishen;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Suishen: the city's health-code platform, one modular monolith. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SuishenApplication {

  public static void main(String[] args) {
    SpringApplication.run(SuishenApplication.class, args);
  }
}
