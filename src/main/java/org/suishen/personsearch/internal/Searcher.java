package org.suishen.personsearch.internal;

import org.suishen.shared.security.Actor;

/**
 * Who searches, and so what they may search by and see: a reviewer finds by document and sees who
 * it is; the health authority also finds by phone and sees the current colour (for manual changes).
 */
public record Searcher(Actor actor, boolean healthAuthority) {}
