package org.suishen.demo.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo city ({@code demo} profile only).
 *
 * @param population people in the generated register
 * @param seed the generator's seed: the same seed gives the same city
 * @param staffPassword the password of every demo staff account and the secret of every demo device
 */
@ConfigurationProperties("suishen.demo")
record DemoCityProperties(
    @DefaultValue("3000") int population,
    @DefaultValue("20221001") long seed,
    @DefaultValue("Demo-Staff-2026") String staffPassword) {}
