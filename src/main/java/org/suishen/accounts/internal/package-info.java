/** Account storage, credential policies, the database-backed login and the first administrator. */
@org.jspecify.annotations.NullMarked
package org.suishen.accounts.internal;
