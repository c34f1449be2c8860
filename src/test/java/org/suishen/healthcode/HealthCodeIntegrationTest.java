package org.suishen.healthcode;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.suishen.support.IntegrationTest;
import org.suishen.support.TestClockConfiguration;
import org.suishen.support.TestSignInConfiguration;

/**
 * The health code's integration tests: the whole application with a movable clock, MockMvc and the
 * test sign-in. One application context serves all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@AutoConfigureMockMvc
@Import({TestClockConfiguration.class, TestSignInConfiguration.class})
public @interface HealthCodeIntegrationTest {}
