package org.servicegrid.client.it.probe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The test WAR's JAX-RS application at the root, like every service WAR; the library's resources
 * join it.
 */
@ApplicationPath("/")
public class ProbeApplication extends Application {}
