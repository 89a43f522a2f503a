/**
 * The wire protocol shared by the registry, its client library and the services: {@code
 * ServiceInfo} ({@code Name}, {@code Addr}, {@code RequiredServices}, {@code Meta}) with its parser
 * and validation rules, validated addresses, the caller header, bounded request bodies, the error
 * body {@code {"error": "..."}} and the {@code servicegrid.tls} transport every server calls the
 * others with. The subpackages hold bearer-token checks ({@code auth}), the configuration base
 * ({@code config}) and the JAX-RS and servlet glue ({@code rest}, {@code servlet}).
 */
package org.servicegrid.protocol;
