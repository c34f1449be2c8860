/** Day partitions of the tables that grow with every event (registrations, passages). */
@org.jspecify.annotations.NullMarked
package org.suishen.shared.partition;
