package org.servicegrid.protocol;

import jakarta.json.bind.adapter.JsonbAdapter;

/**
 * Reads a {@code Status} leniently, as {@link ServiceInfoParser} does: a value this version does
 * not know reads as {@link InstanceStatus#UP} instead of failing the whole answer, so a client
 * library keeps reading the answers of a later registry.
 */
public final class StatusJsonAdapter implements JsonbAdapter<InstanceStatus, String> {

  @Override
  public String adaptToJson(InstanceStatus status) {
    return (status == null ? InstanceStatus.UP : status).name();
  }

  @Override
  public InstanceStatus adaptFromJson(String text) {
    return InstanceStatus.parse(text).orElse(InstanceStatus.UP);
  }
}
