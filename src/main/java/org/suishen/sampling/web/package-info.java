/**
 * The sampling API: sites for the authority, tubes and registrations for samplers and terminals.
 */
@org.jspecify.annotations.NullMarked
package org.suishen.sampling.web;
