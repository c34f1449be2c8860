package org.suishen.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** Adds {@link TestSignInController} to a test's application. */
@TestConfiguration(proxyBeanMethods = false)
@Import(TestSignInController.class)
public class TestSignInConfiguration {}
