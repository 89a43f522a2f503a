/**
 * The one way every module reads its configuration: a module's {@code @ApplicationScoped} bean
 * extends {@code ValidatedConfig}, reads each key once through {@code ConfigKeys} (defaults in the
 * module's {@code microprofile-config.properties}), checks its range and produces a small settings
 * record per feature; a bad value fails the deployment with an {@code
 * InvalidConfigurationException} that names the key.
 */
package org.servicegrid.protocol.config;
