package org.suishen.proxycode.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the proxy code's properties. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProxyCodeProperties.class)
class ProxyCodeConfiguration {}
