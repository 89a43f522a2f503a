package org.servicegrid.registry.cluster;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Writes one record on the owner of its key, atomically with its condition, and stamps it with the
 * key's next version: above the current one and, so that a key whose tombstone expired (and whose
 * version is gone with it) still moves forward, at least the owner's clock in microseconds.
 * Tombstones get a time to live. The backups receive the very text written (not this processor run
 * again, which would read another clock). Returns the written text, or null when the condition did
 * not hold and nothing changed.
 */
final class RecordWrite implements EntryProcessor<String, String, String> {

  private static final long serialVersionUID = 1L;

  private final String body;
  private final boolean requireLive;
  private final String requiredToken;
  private final long ttlSeconds;

  /** What process() wrote, for the backup processor; never sent with the processor. */
  private transient String written;

  /**
   * @param requireLive write only over a live registration
   * @param requiredToken write only over the live registration with this token (null: any)
   * @param ttlSeconds the written entry's time to live, 0 for none
   */
  RecordWrite(
      RegistrationRecord record, boolean requireLive, String requiredToken, long ttlSeconds) {
    this.body = record.body();
    this.requireLive = requireLive;
    this.requiredToken = requiredToken;
    this.ttlSeconds = ttlSeconds;
  }

  @Override
  public String process(Map.Entry<String, String> entry) {
    String current = entry.getValue();
    if ((requireLive || requiredToken != null)
        && (current == null || !RegistrationRecord.isLive(current, requiredToken))) {
      return null;
    }
    long floor = current == null ? 0 : RegistrationRecord.versionOf(current) + 1;
    written = Math.max(floor, System.currentTimeMillis() * 1000) + "\t" + body;
    RecordBackup.set(entry, written, ttlSeconds);
    return written;
  }

  @Override
  public EntryProcessor<String, String, String> getBackupProcessor() {
    return written == null ? null : new RecordBackup(written, ttlSeconds);
  }

  /** Sets the text the primary wrote. */
  static final class RecordBackup implements EntryProcessor<String, String, String> {

    private static final long serialVersionUID = 1L;

    private final String text;
    private final long ttlSeconds;

    RecordBackup(String text, long ttlSeconds) {
      this.text = text;
      this.ttlSeconds = ttlSeconds;
    }

    @Override
    public String process(Map.Entry<String, String> entry) {
      set(entry, text, ttlSeconds);
      return null;
    }

    @Override
    public EntryProcessor<String, String, String> getBackupProcessor() {
      return null;
    }

    @SuppressWarnings("unchecked")
    static void set(Map.Entry<String, String> entry, String text, long ttlSeconds) {
      if (ttlSeconds > 0) {
        ((ExtendedMapEntry<String, String>) entry).setValue(text, ttlSeconds, TimeUnit.SECONDS);
      } else {
        entry.setValue(
            text); // back to the map's default: no expiry, also over a tombstone that had one
      }
    }
  }
}
