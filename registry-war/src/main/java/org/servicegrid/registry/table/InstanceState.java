package org.servicegrid.registry.table;

/**
 * What the heart-beats say about a registered instance: answering, or missing recent heart-beats.
 */
public enum InstanceState {
  UP,
  FAILING
}
