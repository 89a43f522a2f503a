/**
 * The library's machinery behind the public package: configuration ({@code ClientConfig}), the
 * registration loop with backoff and its life cycle ({@code Registrar}, {@code
 * RegistrationLifecycle}, {@code HttpEndpointWatch}), the local table of required instances fed by
 * the registry's answer and notices ({@code InstanceTable}, {@code InstanceChanges}), selection
 * with failure marks, the callback resources the registry calls ({@code /heart-beat}, {@code
 * /services}) and the REST clients to the registry and to instances. Only registry-client uses this
 * package.
 */
package org.servicegrid.client.internal;
