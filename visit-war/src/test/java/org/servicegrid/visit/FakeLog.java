package org.servicegrid.visit;

/**
 * The shared {@link org.servicegrid.testsupport.FakeLog} under the name {@code LogSenderTest} uses; nothing of
 * its own. It can go once that test imports the shared one.
 */
final class FakeLog extends org.servicegrid.testsupport.FakeLog {

  public static FakeLog start() {
    return new FakeLog();
  }
}
