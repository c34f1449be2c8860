package org.suishen.appeals;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.suishen.support.IntegrationTest;

/**
 * An appeals integration test: the whole application, MockMvc, the test staff and event collector.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@AutoConfigureMockMvc
@Import(AppealsTestConfiguration.class)
public @interface AppealsIntegrationTest {}
