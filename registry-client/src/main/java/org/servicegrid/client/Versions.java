package org.servicegrid.client;

import org.servicegrid.protocol.ServiceInfo;

/**
 * Which instances a pick may choose from by their Meta {@code version}: any ({@link #ANY}), only
 * the instances of one version ({@link #only}: a tester's or a canary's request), or every instance
 * but those ({@link #except}: what is left beside a canary). An instance without a version is never
 * of the version asked for.
 *
 * @param version the version compared with, null for {@link #ANY}
 * @param matching true: only instances of {@code version}; false: all but those
 */
public record Versions(String version, boolean matching) {

  /** Every instance, whatever its version. */
  public static final Versions ANY = new Versions(null, false);

  /** Only the instances whose Meta version is exactly {@code version}. */
  public static Versions only(String version) {
    return new Versions(requireVersion(version), true);
  }

  /** Every instance but those whose Meta version is exactly {@code version}. */
  public static Versions except(String version) {
    return new Versions(requireVersion(version), false);
  }

  /** Whether a pick under these terms may choose {@code instance}. */
  public boolean admits(ServiceInfo instance) {
    return version == null || matching == version.equals(instance.meta().get(ServiceInfo.VERSION));
  }

  private static String requireVersion(String version) {
    if (version == null) {
      throw new IllegalArgumentException("version must not be null");
    }
    return version;
  }
}
