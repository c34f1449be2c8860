/** The auditors' API ({@code /api/audit}) and page ({@code /audit}). */
@org.jspecify.annotations.NullMarked
package org.suishen.audit.web;
