package org.servicegrid.registry.table;

/** An answer already written as UTF-8 JSON, sent as it is by {@link JsonBodyWriter}. */
public record JsonBody(byte[] utf8) {}
