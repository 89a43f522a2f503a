package org.servicegrid.registry;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The registry's JAX-RS application, served at the root so the protocol paths are {@code /services}. */
@ApplicationPath("/")
public class RegistryApplication extends Application {}
