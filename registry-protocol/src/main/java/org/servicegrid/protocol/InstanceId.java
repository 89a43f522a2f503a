package org.servicegrid.protocol;

/** The identity of a registered instance: a service name and the address it serves on. */
public record InstanceId(String name, String addr) {

  @Override
  public String toString() {
    return name + "@" + addr;
  }
}
