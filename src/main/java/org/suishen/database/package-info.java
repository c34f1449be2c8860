/**
 * Database infrastructure: the embedded PostgreSQL used by the default run and the tests.
 * Production switches it off ({@code suishen.database.embedded.enabled=false}) and points {@code
 * spring.datasource.*} at an external PostgreSQL.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
@org.jspecify.annotations.NullMarked
package org.suishen.database;
