/**
 * The operations dashboard: one page and its stylesheet and script, served from the WAR's resources
 * by a JAX-RS resource (the application is mapped at {@code /}, so the container would serve no
 * static file). The page polls the registry's read endpoints ({@code /instances}, {@code /events})
 * and renders them in the browser; nothing here reads the table.
 */
package org.servicegrid.registry.dashboard;
