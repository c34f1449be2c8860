/** Day partitions of the tables that grow with every event (registrations, passages, scans). */
@org.jspecify.annotations.NullMarked
package org.suishen.shared.partition;
