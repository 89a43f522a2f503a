/**
 * JAX-RS providers every service registers: the {@code ServiceInfo} body reader and the exception
 * mappers that answer each kind of failure with the right status and the protocol's {@code
 * {"error": "..."}} body, never an HTML page or a bare 500.
 */
package org.servicegrid.protocol.rest;
