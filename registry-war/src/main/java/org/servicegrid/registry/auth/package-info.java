/**
 * Who may change the registry's table. Reads need no credential; the writes ({@code POST} and
 * {@code DELETE /services}, marked {@code @RegistryWrite}) pass through {@code WriteAccessFilter},
 * which admits a caller whose bearer token Liberty's MicroProfile JWT verified and who may act for
 * the ServiceInfo's name, or a caller without a token from {@code registry.auth.anonymous-from},
 * the services of the original protocol. The container itself protects no URL, so that the
 * anonymous ranges can be honoured; a refused write changes nothing.
 */
package org.servicegrid.registry.auth;
