/**
 * The protocol's error body for code that answers at the servlet layer (filters in front of
 * JAX-RS), where the exception mappers of {@code protocol.rest} do not apply.
 */
package org.servicegrid.protocol.servlet;
