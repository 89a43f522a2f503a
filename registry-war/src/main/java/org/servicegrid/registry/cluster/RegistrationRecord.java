package org.servicegrid.registry.cluster;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.servicegrid.protocol.InstanceId;
import org.servicegrid.protocol.InstanceStatus;
import org.servicegrid.protocol.ServiceInfo;

/**
 * One instance's entry in the cluster's shared map, as plain text so that no class of ours crosses
 * the wire: a live registration or a tombstone left by its removal. The owner of the key stamps
 * each write with a {@code version} that grows per key, so a node applying entries (from events, or
 * from a read of the whole map after a member left) can drop any it has already seen. The {@code
 * token} identifies one write (the {@code writer}, the member that made the write, waits until its
 * node applied it; an eviction removes only the registration it checked); the {@code notifier} is
 * the member that sends the dependents' notices for it. The {@code traceParent} names the span the
 * write was made in (empty for none), so that the notices, sent by whichever node is the notifier,
 * join that trace.
 *
 * <p>Text: the fields tab-separated in declaration order, the required services comma-separated,
 * then the instance's Meta as a compact JSON object (which escapes tabs in its strings). Names and
 * addresses are validated by the protocol and never contain either separator; nor does a
 * traceparent. Each newer field is written only when it holds something, so that nodes of an
 * earlier version, in the same cluster during a rolling upgrade, read what does not use it: a
 * record without Meta and without a trace is in the format before traceparents (10 fields), one
 * with a trace and no Meta in the format before Meta (11); a record with Meta has 12 (its
 * traceparent field empty when there is none). A record whose instance an operator took out of
 * service, or whose status someone set, has 14: then the status and who set it ({@code statusBy},
 * empty for a plain registration), its Meta field {@code {}} when it has none; only this version
 * reads those.
 */
public record RegistrationRecord(
    long version,
    State state,
    String token,
    String writer,
    String notifier,
    Instant since,
    Instant at,
    ServiceInfo info,
    String traceParent,
    String statusBy) {

  /** Whether the instance is registered, or why it was removed. */
  public enum State {
    LIVE,
    DEREGISTERED,
    EVICTED
  }

  private static final int FIELDS_BEFORE_TRACES = 10;
  private static final int FIELDS_BEFORE_META = 11;
  private static final int FIELDS_BEFORE_STATUS = 12;
  private static final int FIELDS = 14;

  /** One factory each: {@code Json.createReader/Generator} look the provider up on every call. */
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

  /**
   * A new registration of {@code info} at {@code now}, made in the span of {@code traceParent}, not
   * yet versioned nor stamped.
   */
  public static RegistrationRecord live(ServiceInfo info, Instant now, String traceParent) {
    return new RegistrationRecord(
        0, State.LIVE, newToken(), "", "", now, now, info, traceParent, "");
  }

  /**
   * This live registration again, with {@code status} set by {@code by} at {@code now}, in the span
   * of {@code traceParent}: a new write of the same registration (same {@code since}).
   */
  public RegistrationRecord withStatus(
      InstanceStatus status, String by, Instant now, String traceParent) {
    return new RegistrationRecord(
        0, state, newToken(), "", "", since, now, info.withStatus(status), traceParent, by);
  }

  /**
   * The tombstone of {@code info}'s registration, removed at {@code now} for {@code reason} in the
   * span of {@code traceParent}.
   */
  public static RegistrationRecord removal(
      ServiceInfo info, State reason, Instant now, String traceParent) {
    return new RegistrationRecord(0, reason, newToken(), "", "", now, now, info, traceParent, "");
  }

  /** The map key of an instance: its Name and Addr. */
  public static String key(InstanceId id) {
    return id.name() + "@" + id.addr();
  }

  public String key() {
    return key(info.id());
  }

  public boolean isLive() {
    return state == State.LIVE;
  }

  public RegistrationRecord withVersion(long newVersion) {
    return new RegistrationRecord(
        newVersion, state, token, writer, notifier, since, at, info, traceParent, statusBy);
  }

  /**
   * This record as written by member {@code by}, whose dependents' notices member {@code
   * notifiedBy} sends.
   */
  public RegistrationRecord stamped(String by, String notifiedBy) {
    return new RegistrationRecord(
        version, state, token, by, notifiedBy, since, at, info, traceParent, statusBy);
  }

  public String encode() {
    return version + "\t" + body();
  }

  /** Everything but the version, which the key's owner puts in front when it writes. */
  String body() {
    String fields =
        String.join(
            "\t",
            state.name(),
            token,
            writer,
            notifier,
            since.toString(),
            at.toString(),
            info.name(),
            info.addr(),
            String.join(",", info.requiredServices()));
    if (info.status() != InstanceStatus.UP || !statusBy.isEmpty()) {
      return String.join(
          "\t", fields, traceParent, metaJson(info.meta()), info.status().name(), statusBy);
    }
    if (!info.meta().isEmpty()) {
      return fields + "\t" + traceParent + "\t" + metaJson(info.meta());
    }
    // Without Meta nor a trace, the format before traceparents: nodes of an earlier version read it
    return traceParent.isEmpty() ? fields : fields + "\t" + traceParent;
  }

  /**
   * Reads what {@link #encode()} wrote; an entry of another format fails with
   * IllegalArgumentException.
   */
  public static RegistrationRecord decode(String text) {
    String[] f = text.split("\t", -1);
    if (f.length < FIELDS_BEFORE_TRACES
        || f.length > FIELDS
        || f.length == FIELDS_BEFORE_STATUS + 1) {
      throw new IllegalArgumentException("not a registration record: " + text);
    }
    List<String> required = f[9].isEmpty() ? List.of() : Arrays.asList(f[9].split(","));
    Map<String, String> meta = f.length >= FIELDS_BEFORE_STATUS ? meta(f[11]) : Map.of();
    InstanceStatus status =
        f.length == FIELDS
            ? InstanceStatus.parse(f[12])
                .orElseThrow(() -> new IllegalArgumentException("not a status: " + f[12]))
            : InstanceStatus.UP;
    return new RegistrationRecord(
        Long.parseLong(f[0]),
        State.valueOf(f[1]),
        f[2],
        f[3],
        f[4],
        Instant.parse(f[5]),
        Instant.parse(f[6]),
        new ServiceInfo(f[7], f[8], required, status, meta),
        f.length >= FIELDS_BEFORE_META ? f[10] : "",
        f.length == FIELDS ? f[13] : "");
  }

  private static String metaJson(Map<String, String> meta) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = GENERATORS.createGenerator(text)) {
      json.writeStartObject();
      meta.forEach(json::write);
      json.writeEnd();
    }
    return text.toString();
  }

  private static Map<String, String> meta(String json) {
    try (JsonReader reader = READERS.createReader(new StringReader(json))) {
      Map<String, String> meta = new LinkedHashMap<>();
      reader.readObject().forEach((key, value) -> meta.put(key, ((JsonString) value).getString()));
      return meta;
    } catch (JsonException | ClassCastException e) {
      throw new IllegalArgumentException("not the Meta of a registration record: " + json, e);
    }
  }

  /** The version in front of an encoded record, without decoding the rest. */
  static long versionOf(String text) {
    return Long.parseLong(text.substring(0, text.indexOf('\t')));
  }

  /**
   * True when the encoded record is a live registration with {@code token}; any live one for a null
   * token.
   */
  static boolean isLive(String text, String token) {
    String[] f = text.split("\t", 4);
    return State.LIVE.name().equals(f[1]) && (token == null || token.equals(f[2]));
  }

  private static String newToken() {
    return UUID.randomUUID().toString();
  }
}
