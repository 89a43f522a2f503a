package org.servicegrid.registry.table;

import java.util.List;

/** Names the table stopped tracking because they had no instance and no dependent for too long. */
public record ServicesForgotten(List<String> names) {}
