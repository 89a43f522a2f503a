package org.servicegrid.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class that starts servers of its own on ports of its own. Such classes run one at a time
 * (several multi-server systems starting at once would starve a two-core machine, and some share
 * the PostgreSQL test database), beside the classes on the shared system.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ResourceLock(StartsItsOwnSystem.LOCK)
public @interface StartsItsOwnSystem {
  String LOCK = "org.servicegrid.system.own-system";
}
