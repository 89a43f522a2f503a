package org.servicegrid.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class that works on the four product servers on 20000..20003: they are started for it
 * ({@link SharedSystem}) and it runs alone among such classes, while classes that start a system of
 * their own ({@link StartsItsOwnSystem}) run beside it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SharedSystem.class)
@ResourceLock(SharedSystem.LOCK)
public @interface UsesSharedSystem {}
