package org.servicegrid.registry.cluster;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Writes one record on the owner of its key, atomically with its condition, and stamps it with the
 * key's next version: above the current one and, so that a key whose tombstone expired (and whose
 * version is gone with it) still moves forward, at least the owner's clock in microseconds.
 * Tombstones get a time to live. The backups receive the very text written (not this processor run
 * again, which would read another clock). Returns the written text, or null when the condition did
 * not hold and nothing changed.
 *
 * <p>Both processors travel as Hazelcast's identified data (their fields written one by one), not
 * by Java serialization, whose class descriptions and reflection every registration would pay for
 * twice: to the key's owner and to its backup.
 */
final class RecordWrite
    implements EntryProcessor<String, String, String>, IdentifiedDataSerializable {

  private static final long serialVersionUID = 1L;

  /** The cluster's factory of this package's processors; see {@link Factory}. */
  static final int FACTORY_ID = 0x5e6d;

  private static final int WRITE = 1;
  private static final int BACKUP = 2;

  private String body;
  private boolean requireLive;
  private String requiredToken;
  private long ttlSeconds;

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

  /** For deserialization. */
  RecordWrite() {}

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

  @Override
  public int getFactoryId() {
    return FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return WRITE;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeString(body);
    out.writeBoolean(requireLive);
    out.writeString(requiredToken);
    out.writeLong(ttlSeconds);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    body = in.readString();
    requireLive = in.readBoolean();
    requiredToken = in.readString();
    ttlSeconds = in.readLong();
  }

  /** Creates this package's processors from their identified data. */
  static final class Factory implements DataSerializableFactory {

    @Override
    public IdentifiedDataSerializable create(int classId) {
      return switch (classId) {
        case WRITE -> new RecordWrite();
        case BACKUP -> new RecordBackup();
        default -> null;
      };
    }
  }

  /** Sets the text the primary wrote. */
  static final class RecordBackup
      implements EntryProcessor<String, String, String>, IdentifiedDataSerializable {

    private static final long serialVersionUID = 1L;

    private String text;
    private long ttlSeconds;

    RecordBackup(String text, long ttlSeconds) {
      this.text = text;
      this.ttlSeconds = ttlSeconds;
    }

    /** For deserialization. */
    RecordBackup() {}

    @Override
    public int getFactoryId() {
      return FACTORY_ID;
    }

    @Override
    public int getClassId() {
      return BACKUP;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeString(text);
      out.writeLong(ttlSeconds);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      text = in.readString();
      ttlSeconds = in.readLong();
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
