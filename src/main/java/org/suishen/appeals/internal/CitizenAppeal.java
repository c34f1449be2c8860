package org.suishen.appeals.internal;

import java.util.List;

/** An appeal as its appellant sees it: what they filed, their files, and the answer once given. */
public record CitizenAppeal(Appeal appeal, List<EvidenceFile> evidence) {}
