package org.suishen.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A Spring + PostgreSQL integration test: the whole application on the JVM's one embedded
 * PostgreSQL (a throw-away data folder), on a random port, sessions in PostgreSQL ({@link
 * MockMvcSessions}). Name such classes {@code *IT}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(MockMvcSessions.class)
public @interface IntegrationTest {}
