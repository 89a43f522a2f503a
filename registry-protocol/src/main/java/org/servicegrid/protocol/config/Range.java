package org.servicegrid.protocol.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The values an {@code int} or {@code long} {@code @ConfigProperty} field of a {@link ValidatedConfig} accepts,
 * bounds included; {@link ValidatedConfig#validate()} checks it, naming the field's key.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Range {

  long min();

  long max() default Long.MAX_VALUE;
}
